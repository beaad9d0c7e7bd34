package cluster

import (
	"reflect"
	"testing"
)

// Finish scoring every candidate of Candidates and deciding every item
// again (FinishCandidates 0, RefineMargin 0) is the exhaustive pass the
// defaults cut short. FinishCandidates equal to Candidates is that pass
// exactly; the defaults are deterministic, really change decisions, and
// keep the headline score (their cost is measured by bench cluster).
func TestFinishCandidates(t *testing.T) {
	exhaustive := DefaultOptions()
	exhaustive.FinishCandidates, exhaustive.RefineMargin = 0, 0
	base, baseRedirects, baseF1 := runHeadlines(t, exhaustive)
	same := exhaustive
	same.FinishCandidates = same.Candidates
	if p, r, _ := runHeadlines(t, same); p != base || !reflect.DeepEqual(r, baseRedirects) {
		t.Fatal("FinishCandidates equal to Candidates changed the stories")
	}
	fewer := DefaultOptions()
	if fewer.FinishCandidates <= 0 || fewer.FinishCandidates >= fewer.Candidates || fewer.RefineMargin <= 0 {
		t.Fatalf("defaults FinishCandidates %d, RefineMargin %g: the test expects the cut-short pass", fewer.FinishCandidates, fewer.RefineMargin)
	}
	p1, r1, f1 := runHeadlines(t, fewer)
	p2, r2, _ := runHeadlines(t, fewer)
	if p1 != p2 || !reflect.DeepEqual(r1, r2) {
		t.Fatal("two runs with the default Finish differ")
	}
	if p1 == base {
		t.Fatal("the default Finish changed nothing: are the options read?")
	}
	t.Logf("headline B-cubed F1: exhaustive %.4f, default (FinishCandidates %d, RefineMargin %g) %.4f", baseF1, fewer.FinishCandidates, fewer.RefineMargin, f1)
	if f1 < baseF1-0.005 {
		t.Fatalf("default Finish: B-cubed F1 %.4f, exhaustive %.4f", f1, baseF1)
	}
}
