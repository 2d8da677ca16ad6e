package syntax

import "testing"

func TestStringLiteral(t *testing.T) {
	for _, c := range []struct {
		src  string
		want string
		ok   bool
	}{
		{`"*"`, "*", true},
		{`'a\n*'`, "a\n*", true},
		{`r".*\n"`, `.*\n`, true},
		{`"it\'s" 'x'`, "it's" + "x", true},
		{`("a" "b")`, "ab", true},
		{`"""a"""`, "a", true},
		{`f"*"`, "*", true},
		{`f"{x}*"`, "", false},
		{`b"*"`, "*", true},
		{`x`, "", false},
		{`"\u00e9\x41"`, "éA", true},
		// t-strings (Python 3.14) parse, and build a Template, not a str.
		{`t"*"`, "", false},
		{`Rt"{x}*"`, "", false},
		{`"a" t"*"`, "", false},
	} {
		f, err := Parse("a.py", []byte("v = "+c.src+"\n"))
		if err != nil {
			t.Fatal(err)
		}
		if len(f.Errors) > 0 {
			t.Errorf("%s: syntax errors %v", c.src, f.Errors)
		}
		v := f.Root.FirstNamedChild().FirstNamedChild().ChildByField(FieldRight)
		got, ok := v.StringLiteral()
		if got != c.want || ok != c.ok {
			t.Errorf("%s: got %q, %v; want %q, %v", c.src, got, ok, c.want, c.ok)
		}
	}
}
