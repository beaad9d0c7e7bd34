package textutil

import (
	"reflect"
	"testing"
)

func TestSentencesNewsText(t *testing.T) {
	in := "U.S. officials met Gen. Smith in Sept. 2017. He said: \u201cWe will talk.\u201d Then he left! Did they agree?\nNew paragraph without stop"
	want := []string{
		"U.S. officials met Gen. Smith in Sept. 2017.",
		"He said: \u201cWe will talk.\u201d",
		"Then he left!",
		"Did they agree?",
		"New paragraph without stop",
	}
	if got := Sentences(in); !reflect.DeepEqual(got, want) {
		t.Fatalf("Sentences:\n got %q\nwant %q", got, want)
	}
}

func TestWordsAndNormalize(t *testing.T) {
	if got := Words("Iran\u2019s U.S.-led 14,000"); !reflect.DeepEqual(got, []string{"Iran", "s", "U", "S", "led", "14", "000"}) {
		t.Fatalf("Words: %q", got)
	}
	if Normalize("  \u201cHello\u201d \u2014 World ") != Normalize("\"hello\" - world") {
		t.Fatal("Normalize should fold quotes, dashes, case and spaces")
	}
}
