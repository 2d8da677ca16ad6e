// Package validators runs the real validators of xylint's outputs in tests:
// ajv-cli with the official SARIF 2.1.0 schema (from
// @microsoft/sarif-multitool) or the JSON output's schema, and
// Sarif.Multitool's SARIF best-practice and GitHub code-scanning rules, all
// pinned in .ci/package.json. A missing validator fails the test; it is
// never skipped.
package validators

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const installHint = "run bash .ci/run (installs the SARIF validator)"

// RepoRoot is the directory of go.mod above the test's directory.
func RepoRoot(t testing.TB) string {
	t.Helper()
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found above the test directory")
		}
		dir = parent
	}
}

func nodeModule(t testing.TB, rel string) string {
	t.Helper()
	p := filepath.Join(RepoRoot(t), ".ci", "node_modules", filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("%s is missing: %s", p, installHint)
	}
	return p
}

// SARIFSchema is the path of the official SARIF 2.1.0 JSON schema.
func SARIFSchema(t testing.TB) string {
	t.Helper()
	return nodeModule(t, "@microsoft/sarif-multitool-linux/sarif-2.1.0.json")
}

// JSONOutputSchema is the path of the schema of `--format json`
// (docs/json-output.schema.json).
func JSONOutputSchema(t testing.TB) string {
	t.Helper()
	return filepath.Join(RepoRoot(t), "docs", "json-output.schema.json")
}

// AJV validates data against schema with ajv-cli in draft 2020-12 mode,
// with ajv-formats, and fails the test with ajv's report when invalid.
func AJV(t testing.TB, schema, data string) {
	t.Helper()
	bin := nodeModule(t, ".bin/ajv")
	nodeModule(t, "ajv-formats")
	file := filepath.Join(t.TempDir(), "out.json") // ajv wants the .json suffix
	if err := os.WriteFile(file, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "validate", "--spec=draft2020", "-c", "ajv-formats", "-s", schema, "-d", file)
	cmd.Dir = filepath.Join(RepoRoot(t), ".ci")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("ajv: %v\n%s\ndocument:\n%s", err, out, data)
	}
	if !strings.Contains(string(out), "valid") {
		t.Fatalf("ajv said: %s", out)
	}
}

// SARIFMultitool runs Sarif.Multitool's SARIF best-practice rules and its
// GitHub code-scanning rules (on their own, the Gh rules flagged nothing
// even for results without fingerprints or regions; the Sarif rules catch
// absolute URIs and non-numeric tool versions).
// The tool exits 0 even when the input breaks them, so the test reads the
// report it writes and fails on any error or warning in it.
func SARIFMultitool(t testing.TB, sarif string) {
	t.Helper()
	bin := nodeModule(t, "@microsoft/sarif-multitool-linux/Sarif.Multitool")
	if fi, err := os.Stat(bin); err == nil && fi.Mode()&0o111 == 0 {
		t.Fatalf("%s is not executable (npm 11 skips its postinstall chmod): %s", bin, installHint)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in.sarif")
	report := filepath.Join(dir, "report.sarif")
	if err := os.WriteFile(in, []byte(sarif), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "validate", in, "-o", report, "--rule-kind", "Sarif;Gh", "--level", "Error;Warning;Note")
	cmd.Env = append(os.Environ(), "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("Sarif.Multitool: %v\n%s", err, out)
	}
	b, err := os.ReadFile(report)
	if err != nil {
		t.Fatalf("Sarif.Multitool wrote no report: %v\n%s", err, out)
	}
	var rep struct {
		Runs []struct {
			Results []struct {
				RuleID  string `json:"ruleId"`
				Level   string `json:"level"`
				Message struct {
					Text      string   `json:"text"`
					ID        string   `json:"id"`
					Arguments []string `json:"arguments"`
				} `json:"message"`
			} `json:"results"`
			Invocations []struct {
				ExecutionSuccessful bool `json:"executionSuccessful"`
			} `json:"invocations"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(b, &rep); err != nil {
		t.Fatalf("report: %v", err)
	}
	if len(rep.Runs) == 0 || len(rep.Runs[0].Invocations) == 0 || !rep.Runs[0].Invocations[0].ExecutionSuccessful {
		t.Fatalf("Sarif.Multitool did not run successfully:\n%s\n%s", out, b)
	}
	for _, r := range rep.Runs[0].Results {
		if r.Level == "error" || r.Level == "warning" || r.Level == "" {
			t.Errorf("GitHub rule %s (%s): %s %v", r.RuleID, r.Level, r.Message.ID, r.Message.Arguments)
		}
	}
}
