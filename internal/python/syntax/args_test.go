package syntax

import "testing"

func TestArguments(t *testing.T) {
	f, err := Parse("a.py", []byte("f(a, b, # c\n  x=1, **kw)\ng(*rest, c, app=sub)\nh(y=2, *more)\n"))
	if err != nil {
		t.Fatal(err)
	}
	var calls []Node
	for n := range f.Tree.All() {
		if n.Is(KindCall) {
			calls = append(calls, n)
		}
	}
	text := func(n Node) string {
		if n.IsZero() {
			return "-"
		}
		return string(n.Text())
	}
	f1, g, h := calls[0], calls[1], calls[2]
	args := f1.ChildByField(FieldArguments)
	for i, c := range []struct {
		got  Node
		want string
	}{
		{f1.PositionalArg(0), "a"},
		{args.PositionalArg(1), "b"}, // the comment is no argument
		{f1.PositionalArg(2), "-"},
		{f1.PositionalArg(-1), "-"},
		{f1.KeywordArg("x"), "1"},
		{f1.KeywordArg("kw"), "-"},
		{f1.Argument(1, "x"), "b"},
		{f1.Argument(5, "x"), "1"},
		{f1.Argument(-1, "x"), "1"},
		{f1.Argument(5, ""), "-"},
		// After *rest, positions are unknown; keywords are not.
		{g.PositionalArg(0), "-"},
		{g.Argument(1, "app"), "sub"},
		{h.PositionalArg(0), "-"},
		{h.KeywordArg("y"), "2"},
	} {
		if got := text(c.got); got != c.want {
			t.Errorf("case %d: got %q, want %q", i, got, c.want)
		}
	}
}
