package python

import "testing"

// Every text wildcardAssert matches passes mentionsACAO, the cheap test in
// front of it, in whatever case — also with the long s (ſ), which (?i)
// folds to s.
func TestMentionsACAOBeforeWildcardAssert(t *testing.T) {
	for _, src := range []string{
		`assert r.headers["Access-Control-Allow-Origin"] == "*"`,
		`assert "*" == resp.headers['access-control-allow-origin']`,
		`self.assertEqual(r.headers["ACCESS-CONTROL-ALLOW-ORIGIN"], "*")`,
		"self.assertEqual('*', h.get(\"Access-Control-Allow-Origin\"))",
		`assert r.headers["Acceſs-Control-Allow-Origin"] == "*"`,
		`assert r.headers["ACCESS-CONTROL-ALLOW-ORIGIN"]) == '*'`,
	} {
		if !wildcardAssert.MatchString(src) {
			t.Fatalf("the test's text %q does not assert the wildcard", src)
		}
		if !mentionsACAO([]byte(src)) {
			t.Errorf("mentionsACAO(%q) = false for a wildcard assertion", src)
		}
	}
	for _, src := range []string{"", "x = 1\n", `h["Access-Control-Allow-Methods"] = "*"`, "control-allow-origin"} {
		if mentionsACAO([]byte(src)) {
			t.Errorf("mentionsACAO(%q) = true", src)
		}
	}
}
