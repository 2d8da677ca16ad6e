package e2e

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// TestPlatformFixDirectClient runs `xylint fix --unsafe-fixes --select
// XY003` on a copy of the sample platform: afterwards no XY003 finding has a
// fix, and every one left is a client without a pooled getter or a
// hand-made cached singleton (no fix by design); the changed files compile
// with python3; a second fix changes nothing.
func TestPlatformFixDirectClient(t *testing.T) {
	dir := platformCopy(t)
	bin := xylintBinary(t)
	// runOut returns stdout (and stderr too when all is set).
	runOut := func(all bool, args ...string) (string, int) {
		out, errOut, code := runXylint(t, bin, dir, args...)
		if all {
			return out + errOut, code
		}
		return out, code
	}
	run := func(args ...string) (string, int) { return runOut(true, args...) }
	type diag struct {
		Path    string          `json:"path"`
		Code    string          `json:"code"`
		Kind    string          `json:"kind"`
		Message string          `json:"message"`
		Fix     json.RawMessage `json:"fix"`
	}
	findings := func() []diag {
		out, _ := runOut(false, "check", "--select", "XY003", "--format", "json", ".")
		var report struct {
			Diagnostics []diag `json:"diagnostics"`
		}
		if err := json.Unmarshal([]byte(out), &report); err != nil {
			t.Fatalf("decoding the JSON report: %v\n%s", err, out)
		}
		return report.Diagnostics
	}
	hasFix := func(d diag) bool { return len(d.Fix) > 0 && string(d.Fix) != "null" }

	before := findings()
	withFix := 0
	for _, d := range before {
		if hasFix(d) {
			withFix++
		}
	}
	if withFix < 4 {
		t.Fatalf("only %d XY003 findings with a fix before fixing: the test would prove little", withFix)
	}
	out, code := run("fix", "--unsafe-fixes", "--select", "XY003", ".")
	if code == 2 || !strings.Contains(out, "fixed ") {
		t.Fatalf("xylint fix --unsafe-fixes --select XY003: exit %d\n%s", code, out)
	}
	after := findings()
	for _, d := range after {
		switch {
		case hasFix(d):
			t.Errorf("%s: XY003 finding with a fix left: %s", d.Path, d.Message)
		case d.Kind != "cached" && strings.Contains(d.Message, "; use `shared.") && !strings.Contains(d.Message, "(no fix: "):
			t.Errorf("%s: XY003 finding with a getter left unfixed: %s", d.Path, d.Message)
		}
	}
	if len(after) != len(before)-withFix {
		t.Errorf("%d findings before, %d with a fix, %d after", len(before), withFix, len(after))
	}

	changed := changedPython(t, dir)
	for _, p := range changed {
		if a, _ := os.ReadFile(p); bytes.Contains(a, []byte("bigquery.Client()")) && !bytes.Contains(a, []byte("from google.cloud import bigquery")) {
			t.Errorf("%s: bigquery.Client() left without its import", p)
		}
	}
	if len(changed) < 4 {
		t.Fatalf("fix changed %d files", len(changed))
	}
	if out, code := run("fix", "--unsafe-fixes", "--select", "XY003", "--diff", "."); code != 0 || strings.Contains(out, "+++ ") {
		t.Errorf("a second fix would change files (exit %d):\n%s", code, out)
	}
}
