package names

import (
	"testing"

	"github.com/xynergy/xylint/internal/python/syntax"
)

// memoSource has a scope of every kind, names resolved through aliases,
// shadowing, globals and class bodies.
const memoSource = `import logging as lg
from os import path
show = lg.getLogger
class C(path.Base):
    attr = show
    def m(self, x=lg.INFO):
        return [y for y in x if path.join(y)] + list(z for z in {w: w for w in x}) + {v for v in x}
f = lambda a: lg.debug(a)
def g():
    global show
    show = print
    path = 3
    return path, show, lg.error
`

// Every node that opens a scope is of a kind opensScope admits: ScopeAt
// skips the other kinds without looking them up.
func TestOpensScopeCoversEveryScope(t *testing.T) {
	f, err := syntax.Parse("m.py", []byte(memoSource))
	if err != nil || len(f.Errors) > 0 {
		t.Fatalf("parse: %v %v", err, f.Errors)
	}
	r := Build(f, "pkg.m")
	kinds := map[syntax.Kind]bool{}
	for n := range f.Tree.All() {
		if s := r.scopes[int32(n.Index())]; s != nil {
			kinds[n.Kind()] = true
			if !opensScope(n.Kind()) {
				t.Errorf("%s opens a %v scope but opensScope(%s) is false", n.Kind(), s.Kind, n.Kind())
			}
		}
	}
	if len(kinds) < 8 {
		t.Errorf("the source opens scopes of %d kinds, want all 8: %v", len(kinds), kinds)
	}
}

// QualifiedName's remembered answers are the ones it computes: asked twice
// about every expression, in two orders, it answers as resolving afresh.
func TestQualifiedNameRemembered(t *testing.T) {
	f, err := syntax.Parse("m.py", []byte(memoSource))
	if err != nil {
		t.Fatal(err)
	}
	r := Build(f, "pkg.m")
	var exprs []syntax.Node
	for n := range f.Tree.All() {
		if n.Is(syntax.KindIdentifier) || n.Is(syntax.KindAttribute) {
			exprs = append(exprs, n)
		}
	}
	resolved := 0
	for round := range 2 {
		for i := range exprs {
			n := exprs[i]
			if round == 1 {
				n = exprs[len(exprs)-1-i]
			}
			want, wantOK := r.qualify(n.Unparen(), 0)
			got, ok := r.QualifiedName(n)
			if got != want || ok != wantOK {
				t.Errorf("round %d: QualifiedName(%q) = %q, %v; resolving afresh gives %q, %v", round, n.Text(), got, ok, want, wantOK)
			}
			if ok && round == 0 {
				resolved++
			}
		}
	}
	if resolved < 10 || len(r.answers) == 0 {
		t.Errorf("%d names resolved, %d remembered: the source does not exercise the memo", resolved, len(r.answers))
	}
}
