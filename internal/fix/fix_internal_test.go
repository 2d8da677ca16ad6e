package fix

import (
	"testing"

	"github.com/xynergy/xylint/internal/lint"
)

// One fix re-indents a block (it removes four spaces at each line start);
// another inserts a line at the start of one of those lines, indented for
// the old text. Applied together, the inserted line keeps the old
// indentation: the second fix must wait for the next round.
func TestChooseDefersAnInsertionAtAnotherFixsReplacement(t *testing.T) {
	dedent := &candidate{edits: []lint.Edit{{Start: 20, End: 24}, {Start: 40, End: 44}}}
	insertAtDedent := &candidate{edits: []lint.Edit{{Start: 40, End: 40, New: "        log()\n"}}}
	elsewhere := &candidate{edits: []lint.Edit{{Start: 60, End: 60, New: "x\n"}}}
	inside := &candidate{edits: []lint.Edit{{Start: 30, End: 30, New: "y"}}}
	got := choose([]*candidate{dedent, insertAtDedent, elsewhere, inside})
	if len(got) != 3 || got[0] != dedent || got[1] != elsewhere || got[2] != inside {
		t.Fatalf("chose %d candidates %v, want the dedent, the insertion elsewhere and the one between its edits", len(got), got)
	}
	// The other order: the insertion first, the replacement waits.
	got = choose([]*candidate{insertAtDedent, dedent})
	if len(got) != 1 || got[0] != insertAtDedent {
		t.Fatalf("chose %v, want only the insertion", got)
	}
	// One fix may insert at an end of its own replacement (an import and
	// the line it replaces): checked by sortEdits, not here.
	own := &candidate{edits: []lint.Edit{{Start: 0, End: 0, New: "import a\n"}, {Start: 0, End: 5, New: "b"}}}
	if got := choose([]*candidate{own}); len(got) != 1 {
		t.Fatal("a fix's own edits conflicted")
	}
}
