package golangci_test

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	_ "github.com/xynergy/xylint/golangci"
)

// build goes the way golangci-lint goes: the registered constructor, the
// settings as golangci-lint hands them over (lower-cased keys, []any lists).
func build(t *testing.T, settings map[string]any) ([]*analysis.Analyzer, error) {
	t.Helper()
	newPlugin, err := register.GetPlugin("xylint")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(settings)
	if err != nil {
		return nil, err
	}
	if p.GetLoadMode() != register.LoadModeTypesInfo {
		t.Errorf("load mode %q, want typesinfo", p.GetLoadMode())
	}
	return p.BuildAnalyzers()
}

func TestPluginRunsConfiguredAnalyzers(t *testing.T) {
	as, err := build(t, map[string]any{
		"auth-middleware": []any{"Guard"},
		"public-paths":    []any{"/status"},
		"ignore":          []any{"wildcard-cors", "XY003"},
	})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, a := range as {
		names = append(names, a.Name)
	}
	if got := strings.Join(names, ","); got != "unauthenticatedroute,broadexcept,printcall,missingshutdown" {
		t.Fatalf("analyzers %s", got)
	}
	for _, a := range as {
		switch a.Name {
		case "unauthenticatedroute":
			analysistest.Run(t, analysistest.TestData(), a, "routes")
		case "printcall":
			analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), a, "prints")
		}
	}
}

func TestSelect(t *testing.T) {
	as, err := build(t, map[string]any{"select": []any{"XY005", "missing-shutdown"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 2 || as[0].Name != "printcall" || as[1].Name != "missingshutdown" {
		t.Errorf("select: %v", as)
	}
	if as, err := build(t, map[string]any{"fail-on": "note"}); err != nil || len(as) != 6 {
		t.Errorf("fail-on note: %d analyzers, %v", len(as), err)
	}
	if as, err := build(t, nil); err != nil || len(as) != 6 {
		t.Errorf("no settings: %d analyzers, %v", len(as), err)
	}
}

func TestSettingsAreStrict(t *testing.T) {
	for _, tc := range []struct {
		settings map[string]any
		want     string
	}{
		{map[string]any{"auth-middlewares": []any{"x"}}, `unknown field "auth-middlewares"`},
		{map[string]any{"xy005": map[string]any{"exclude": []any{"x"}}}, `unknown field "xy005"`},
		{map[string]any{"select": []any{"XY999"}}, `"XY999" names no rule`},
		{map[string]any{"select": "XY005"}, "cannot unmarshal string"},
		{map[string]any{"fail-on": "info"}, `fail-on "info": want note, warning or error`},
		{map[string]any{"fail-on": "never"}, `fail-on "never": want note, warning or error`},
	} {
		_, err := build(t, tc.settings)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: error %v, want %q", tc.settings, err, tc.want)
		}
	}
}

// The plugin is compiled into golangci-lint: no cgo and no tree-sitter may
// reach it.
func TestNoCgo(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}} {{.Standard}} {{len .CgoFiles}}", ".")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		if strings.Contains(f[0], "tree-sitter") {
			t.Errorf("plugin depends on %s", f[0])
		}
		if f[1] == "false" && f[2] != "0" {
			t.Errorf("plugin depends on cgo package %s", f[0])
		}
	}
	build := exec.Command("go", "build", "-o", os.DevNull, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Errorf("CGO_ENABLED=0 go build: %v\n%s", err, out)
	}
}
