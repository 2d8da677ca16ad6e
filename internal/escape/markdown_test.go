package escape

import "testing"

// A step summary or a review comment quotes names and strings from the
// code being checked: they must not become links, images, HTML or code.
func TestMarkdownIsInert(t *testing.T) {
	if got, want := Markdown("see [here](https://evil.example) <img src=x> *bold* a|b `c` &amp;\n| row"),
		`see \[here\](https://evil.example) \<img src=x\> \*bold\* a\|b \`+"`c\\`"+` &amp;amp;\\n\| row`; got != want {
		t.Errorf("markdownCell:\n got %s\nwant %s", got, want)
	}
	for in, want := range map[string]string{
		"svc/main.py:1:1":  "`svc/main.py:1:1`",
		"a`b``c|d.py:2:3":  "```a`b``c\\|d.py:2:3```",
		"`tick.py:1:1":     "`` `tick.py:1:1 ``",
		"x\n# head.py:1:1": "`x\\n# head.py:1:1`",
	} {
		if got := MarkdownCode(in); got != want {
			t.Errorf("MarkdownCode(%q) = %s, want %s", in, got, want)
		}
	}
}
