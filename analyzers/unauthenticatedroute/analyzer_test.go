package unauthenticatedroute_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/xynergy/xylint/analyzers/unauthenticatedroute"
	"github.com/xynergy/xylint/internal/goanalysis"
	"github.com/xynergy/xylint/internal/lint"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), unauthenticatedroute.Analyzer, "nethttp", "chiapp", "ginapp", "echoapp", "muxapp", "muxsubrouters", "rootpage", "bodyauth", "sessionapp", "endpointsapp")
}

// Read-only routes and routes without a method are warnings, mutating ones
// errors; each message says why.
func TestSeverity(t *testing.T) {
	res := analysistest.Run(t, analysistest.TestData(), unauthenticatedroute.Analyzer, "ginapp")
	got := map[lint.Severity]int{}
	for _, r := range res {
		for _, f := range goanalysis.ResultFindings(r.Result) {
			if !strings.HasPrefix(f.Diagnostic.Message, f.Severity.String()+": XY002 unauthenticated-route: ") {
				t.Errorf("message %q does not start with the level and the rule", f.Diagnostic.Message)
			}
			got[f.Severity]++
		}
	}
	if got[lint.Warning] != 2 || got[lint.Error] != 1 {
		t.Errorf("severities: %v; want 2 warnings (GET, ANY), 1 error (POST)", got)
	}
}

func TestOptions(t *testing.T) {
	opts := unauthenticatedroute.NewOptions()
	opts.AuthMiddleware = []string{"configured.Guard"}
	opts.PublicPaths = append(opts.PublicPaths, "/status")
	analysistest.Run(t, analysistest.TestData(), newAnalyzer(t, opts), "configured")

	// The same through the vet tool's flags.
	a := unauthenticatedroute.Go.WithFlags()
	for name, value := range map[string]string{"auth-middleware": "Guard", "public-paths": "/status"} {
		if err := a.Flags.Set(name, value); err != nil {
			t.Fatal(err)
		}
	}
	analysistest.Run(t, analysistest.TestData(), a, "configured")

	// With the defaults both routes are findings.
	n := 0
	for _, r := range analysistest.Run(nopT{}, analysistest.TestData(), unauthenticatedroute.Analyzer, "configured") {
		n += len(r.Diagnostics)
	}
	if n != 2 {
		t.Errorf("defaults: %d findings, want 2", n)
	}
}

// newAnalyzer is the analyzer for opts, compiled as a configuration's.
func newAnalyzer(t *testing.T, opts *unauthenticatedroute.Options) *analysis.Analyzer {
	t.Helper()
	c, err := unauthenticatedroute.OptionsSpec.Compile(opts)
	if err != nil {
		t.Fatal(err)
	}
	return unauthenticatedroute.Go.New(c)
}

type nopT struct{}

func (nopT) Errorf(string, ...any) {}

// A public-paths entry that names methods is public for those only.
func TestPublicMethods(t *testing.T) {
	opts := unauthenticatedroute.NewOptions()
	opts.PublicPaths = append(opts.PublicPaths, "POST /webhooks/stripe", "GET,HEAD /status")
	analysistest.Run(t, analysistest.TestData(), newAnalyzer(t, opts), "publicmethods")
}

func TestParsePublicPath(t *testing.T) {
	for _, c := range []struct {
		in      string
		methods string
		path    string
		ok      bool
	}{
		{"/health", "", "/health", true},
		{" /health ", "", "/health", true},
		{"POST /webhooks/stripe", "POST", "/webhooks/stripe", true},
		{"get,head /", "GET,HEAD", "/", true},
		{"GET, HEAD /x", "", "", false}, // a space inside the list
		{"FETCH /x", "", "", false},
		{"GET", "", "GET", true}, // a path without a slash, as before
		{"", "", "", false},
	} {
		m, p, ok := unauthenticatedroute.ParsePublicPath(c.in)
		if ok != c.ok || ok && (strings.Join(m, ",") != c.methods || p != c.path) {
			t.Errorf("ParsePublicPath(%q) = %q, %q, %v; want %q, %q, %v", c.in, m, p, ok, c.methods, c.path, c.ok)
		}
	}
	o := unauthenticatedroute.NewOptions()
	o.PublicPaths = []string{"FETCH /x"}
	if _, err := unauthenticatedroute.OptionsSpec.CompileValue(o); err == nil || !strings.Contains(err.Error(), `"FETCH /x"`) {
		t.Errorf("Validate: %v, want an error naming the entry", err)
	}
}

// With platform-auth every open route is a note that quotes it.
func TestPlatformAuth(t *testing.T) {
	opts := unauthenticatedroute.NewOptions()
	opts.PlatformAuth = "Cloud Run IAM"
	for _, r := range analysistest.Run(t, analysistest.TestData(), newAnalyzer(t, opts), "platformauth") {
		for _, f := range goanalysis.ResultFindings(r.Result) {
			if f.Severity != lint.Note {
				t.Errorf("%s: %v, want a note", f.Diagnostic.Message, f.Severity)
			}
		}
	}
}
