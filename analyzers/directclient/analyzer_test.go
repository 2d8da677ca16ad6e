package directclient_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/xynergy/xylint/analyzers/directclient"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), directclient.Analyzer, "svc", "server", "example.com/shared/httpclient")
}

// A package named in pool-packages builds clients freely; with the option
// emptied the same code is reported.
func TestPoolPackagesOption(t *testing.T) {
	opts := directclient.NewOptions()
	opts.PoolPackages = []string{"svc"}
	res := analysistest.Run(nopT{}, analysistest.TestData(), directclient.NewAnalyzer(opts), "svc")
	for _, r := range res {
		for _, d := range r.Diagnostics {
			if d.Message != "" && !strings.Contains(d.Message, "per request") {
				t.Errorf("in a pool package, only per-request sites are findings; got %q", d.Message)
			}
		}
	}
	a := directclient.NewAnalyzer(nil)
	if err := a.Flags.Set("pool-packages", "svc,other/..."); err != nil {
		t.Fatal(err)
	}
	if got := a.Flags.Lookup("pool-packages").Value.String(); got != "svc,other/..." {
		t.Errorf("flag round trip: %q", got)
	}
}

type nopT struct{}

func (nopT) Errorf(string, ...any) {}
