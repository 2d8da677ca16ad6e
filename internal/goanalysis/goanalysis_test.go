package goanalysis

import (
	"go/token"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"

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

func TestMessageCarriesLevelAndRule(t *testing.T) {
	r := &lint.Rule{Code: "XY005", Name: "print-call", Severity: lint.Warning}
	for _, sev := range lint.Severities {
		msg := Prefix(r, sev) + "fmt.Println writes to stdout: use slog"
		code, got, rest, ok := SplitMessage(msg)
		if !ok || code != "XY005" || got != sev || rest != "fmt.Println writes to stdout: use slog" {
			t.Errorf("SplitMessage(%q) = %q %v %q %v", msg, code, got, rest, ok)
		}
	}
	if p := Prefix(r, lint.Note); p != "note: XY005 print-call: " {
		t.Errorf("Prefix = %q", p)
	}
	for _, foreign := range []string{"printf: bad verb", "warning: unused variable", "error: XY0 x"} {
		if _, _, _, ok := SplitMessage(foreign); ok {
			t.Errorf("a foreign message %q split as xylint's", foreign)
		}
	}
}

// DropBelow leaves out of go vet's and golangci-lint's reports the findings
// that should not fail the run.
func TestDropBelow(t *testing.T) {
	r := &lint.Rule{Code: "XY003", Name: "direct-client", Severity: lint.Warning}
	a := &analysis.Analyzer{Name: "directclient", Doc: "test", Run: func(pass *analysis.Pass) (any, error) {
		for _, sev := range lint.Severities {
			ReportSeverity(pass, r, sev, token.NoPos, token.NoPos, "client", nil)
		}
		pass.Report(analysis.Diagnostic{Message: "not xylint's"})
		return nil, nil
	}}
	for _, tc := range []struct {
		failOn string
		want   []string
	}{
		{"note", []string{"error: XY003 direct-client: client", "warning: XY003 direct-client: client", "note: XY003 direct-client: client", "not xylint's"}},
		{"warning", []string{"error: XY003 direct-client: client", "warning: XY003 direct-client: client", "not xylint's"}},
		{"error", []string{"error: XY003 direct-client: client", "not xylint's"}},
		{"never", []string{"not xylint's"}},
	} {
		f, err := lint.ParseFailOn(tc.failOn)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		pass := &analysis.Pass{Report: func(d analysis.Diagnostic) { got = append(got, d.Message) }}
		if _, err := DropBelow(a, func() lint.FailOn { return f }).Run(pass); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("fail-on %s: reported %q, want %q", tc.failOn, got, tc.want)
		}
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
