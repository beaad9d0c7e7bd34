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

func TestAppendWordsAndFoldFastPaths(t *testing.T) {
	s := "Zoë’s café_2 \xff naïve U.S.-led `x` 14,000"
	got := AppendWords([]string{"kept"}, s)
	if !reflect.DeepEqual(got, append([]string{"kept"}, Words(s)...)) || !reflect.DeepEqual(Words(s), []string{"Zoë", "s", "café_2", "naïve", "U", "S", "led", "x", "14", "000"}) {
		t.Fatalf("AppendWords: %q", got)
	}
	if Fold("plain ASCII `quoted` text") != "plain ASCII 'quoted' text" || Fold("plain text") != "plain text" {
		t.Fatal("Fold must fold backquotes and keep plain text")
	}
}
