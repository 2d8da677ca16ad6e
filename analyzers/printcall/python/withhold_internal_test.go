package python

import "testing"

// inSampleTree's answer per directory is kept; asked again, in either
// order, each path gets the expression's answer.
func TestInSampleTree(t *testing.T) {
	cases := map[string]bool{
		"samples/snippets/list.py":      true,
		"app/code-examples/run.py":      true,
		"docs/conf.py":                  true,
		"svc/api/views.py":              false,
		"svc/api/snippets.py":           true, // the file's name
		"svc/api/my_sample_helpers.py":  true,
		"svc/resamples/x.py":            false, // not a word of the name
		"scripts/x.py":                  true,
		"svc/api/scriptsrunner/x.py":    false,
		"x.py":                          false,
		"tutorials_v2/step1/handler.py": true,
	}
	for range 2 {
		for p, want := range cases {
			if got := inSampleTree(p); got != want {
				t.Errorf("inSampleTree(%q) = %v, want %v", p, got, want)
			}
		}
	}
}
