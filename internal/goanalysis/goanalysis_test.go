package goanalysis

import (
	"go/parser"
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

// threeLevels reports one finding at each level.
var threeLevels = Plain(&lint.Rule{Code: "XY003", Name: "direct-client", Severity: lint.Warning}, Def[struct{}]{
	Name: "directclient",
	Run: func(pass *Pass, _ struct{}) error {
		for _, sev := range lint.Severities {
			pass.ReportLevel(sev, token.NoPos, token.NoPos, "client", nil)
		}
		pass.ReportAt(token.NoPos, token.NoPos, "default", nil)
		return nil
	},
})

// TestFindingsAreTyped: a finding goes to go vet's reader with the level,
// code and name before the message, and to xylint's driver typed, in the
// analyzer's result.
func TestFindingsAreTyped(t *testing.T) {
	var reported []string
	pass := &analysis.Pass{Report: func(d analysis.Diagnostic) { reported = append(reported, d.Category+" "+d.Message) }}
	res, err := threeLevels.Analyzer.Run(pass)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"XY003 error: XY003 direct-client: client", "XY003 warning: XY003 direct-client: client",
		"XY003 note: XY003 direct-client: client", "XY003 warning: XY003 direct-client: default"}
	if !slices.Equal(reported, want) {
		t.Errorf("reported %q, want %q", reported, want)
	}
	fs := ResultFindings(res)
	if len(fs) != 4 {
		t.Fatalf("%d findings in the result", len(fs))
	}
	for i, sev := range append(slices.Clone(lint.Severities), lint.Warning) {
		if f := fs[i]; f.Severity != sev || f.Rule != threeLevels.Rule || f.Message != []string{"client", "client", "client", "default"}[i] || f.Diagnostic.Message != want[i][len("XY003 "):] {
			t.Errorf("finding %d: %+v", i, f)
		}
	}
	if threeLevels.Analyzer.ResultType == nil || ResultFindings("not findings") != nil {
		t.Error("the analyzer's result type is Findings, and nothing else holds findings")
	}
}

// DropBelow leaves out of go vet's and golangci-lint's reports the findings
// that should not fail the run, by their typed level.
func TestDropBelow(t *testing.T) {
	for _, tc := range []struct {
		failOn string
		want   []string
	}{
		{"note", []string{"error: XY003 direct-client: client", "warning: XY003 direct-client: client", "note: XY003 direct-client: client", "warning: XY003 direct-client: default"}},
		{"warning", []string{"error: XY003 direct-client: client", "warning: XY003 direct-client: client", "warning: XY003 direct-client: default"}},
		{"error", []string{"error: XY003 direct-client: client"}},
		{"never", nil},
	} {
		f, err := lint.ParseFailOn(tc.failOn)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		pass := &analysis.Pass{Report: func(d analysis.Diagnostic) { got = append(got, d.Message) }}
		res, err := DropBelow(threeLevels.Analyzer, func() lint.FailOn { return f }).Run(pass)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("fail-on %s: reported %q, want %q", tc.failOn, got, tc.want)
		}
		if len(ResultFindings(res)) != 4 {
			t.Errorf("fail-on %s: the result keeps every finding", tc.failOn)
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

func TestIsDocSample(t *testing.T) {
	for src, want := range map[string]bool{
		"package p\n\n// [START run_hello]\nfunc F() {}\n\n// [END run_hello]\n": true,
		"package p\n\n//[START\trun_hello]\nfunc F() {}\n":                       true,
		"package p\n\n// [START is text here, not a region\nfunc F() {}\n":       false,
		"package p\n\n// [START]\nfunc F() {}\n":                                 false,
		"package p\n\n// START run_hello\nfunc F() {}\n":                         false,
	} {
		f, err := parser.ParseFile(token.NewFileSet(), "p.go", src, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		if got := IsDocSample(f); got != want {
			t.Errorf("IsDocSample(%q) = %v, want %v", src, got, want)
		}
	}
}
