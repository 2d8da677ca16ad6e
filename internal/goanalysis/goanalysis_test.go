package goanalysis

import (
	"testing"

	"github.com/xynergy/xylint/internal/lint"
)

func TestMatchPackage(t *testing.T) {
	for _, tc := range []struct {
		path     string
		patterns []string
		want     bool
	}{
		{"example.com/svc/shared/httpclient", []string{"shared/httpclient"}, true},
		{"example.com/svc/notshared/httpclient", []string{"shared/httpclient"}, false},
		{"example.com/pool", []string{"example.com/pool"}, true},
		{"example.com/pool/gcp", []string{"example.com/pool/..."}, true},
		{"example.com/poolish", []string{"example.com/pool/..."}, false},
		{"example.com/svc/internal/pool/gcp", []string{"internal/pool/..."}, true},
	} {
		if got := MatchPackage(tc.path, tc.patterns); got != tc.want {
			t.Errorf("MatchPackage(%q, %q) = %v", tc.path, tc.patterns, got)
		}
	}
}

func TestMessageAndCategory(t *testing.T) {
	r := &lint.Rule{Code: "XY005", Name: "print-call", Severity: lint.Warning}
	code, rest, ok := SplitMessage(Prefix(r) + "fmt.Println writes to stdout")
	if !ok || code != "XY005" || rest != "fmt.Println writes to stdout" {
		t.Errorf("SplitMessage: %q %q %v", code, rest, ok)
	}
	if _, _, ok := SplitMessage("printf: bad verb"); ok {
		t.Error("a foreign message split as xylint's")
	}
	if code, sev, ok := ParseCategory("XY001:warning"); code != "XY001" || sev != lint.Warning || !ok {
		t.Errorf("ParseCategory: %q %v %v", code, sev, ok)
	}
	if code, _, ok := ParseCategory("XY002"); code != "XY002" || ok {
		t.Errorf("ParseCategory without severity: %q %v", code, ok)
	}
}

func TestListFlag(t *testing.T) {
	list := []string{"default"}
	f := ListFlag{List: &list}
	if err := f.Set(" a, b ,,c"); err != nil {
		t.Fatal(err)
	}
	if f.String() != "a,b,c" {
		t.Errorf("got %q", f.String())
	}
	if err := f.Set(""); err != nil || len(list) != 0 {
		t.Errorf("empty value should empty the list: %v", list)
	}
}
