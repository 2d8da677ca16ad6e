package analyzers_test

import (
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/xynergy/xylint/"

// imports lists, for each package of the module matching patterns, the
// module's packages it imports (directly), tests left out.
func imports(t *testing.T, patterns ...string) map[string][]string {
	t.Helper()
	args := append([]string{"list", "-f", "{{.ImportPath}}{{range .Imports}} {{.}}{{end}}"}, patterns...)
	cmd := exec.Command("go", args...)
	cmd.Dir = ".."
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	m := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		p := strings.TrimPrefix(f[0], module)
		m[p] = nil
		for _, imp := range f[1:] {
			if s, ok := strings.CutPrefix(imp, module); ok {
				m[p] = append(m[p], s)
			}
		}
	}
	return m
}

// deps lists the module's packages pkg depends on, transitively.
func deps(t *testing.T, pkg string) []string {
	t.Helper()
	cmd := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}}", "./"+pkg)
	cmd.Dir = ".."
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list -deps %s: %v", pkg, err)
	}
	var ds []string
	for _, p := range strings.Fields(string(out)) {
		if s, ok := strings.CutPrefix(p, module); ok && s != pkg {
			ds = append(ds, s)
		}
	}
	return ds
}

// TestDependenciesPointDown: shared machinery (internal/) never imports
// the rules (the drivers are handed them: analyzers/toolset wires them), no
// rule imports another, and the Go side of xylint — the rules' Go analyzers, their registry, the
// vet tool, the golangci-lint plugin — depends on no Python machinery
// (internal/python, the rules' python/ packages) and so on no cgo.
func TestDependenciesPointDown(t *testing.T) {
	for pkg, imps := range imports(t, "./...") {
		if !strings.HasPrefix(pkg, "internal/") {
			continue
		}
		for _, imp := range imps {
			if strings.HasPrefix(imp, "analyzers") || strings.HasPrefix(imp, "cmd/") || strings.HasPrefix(imp, "golangci") {
				t.Errorf("%s imports %s: shared machinery is handed the rules, it does not import them", pkg, imp)
			}
		}
	}
	// No rule imports another rule: what two rules share (the web
	// frameworks' vocabulary, the client pools, the project model) lives
	// below them.
	rules := folders(t)
	ruleOf := func(pkg string) string {
		for _, r := range rules {
			if pkg == "analyzers/"+r || strings.HasPrefix(pkg, "analyzers/"+r+"/") {
				return r
			}
		}
		return ""
	}
	for pkg, imps := range imports(t, "./...") {
		r := ruleOf(pkg)
		for _, imp := range imps {
			if other := ruleOf(imp); r != "" && other != "" && other != r {
				t.Errorf("%s imports %s: one rule imports another", pkg, imp)
			}
		}
	}
	goSide := []string{"analyzers", "golangci", "cmd/xylint-vet"}
	for _, r := range rules {
		goSide = append(goSide, "analyzers/"+r)
	}
	for _, pkg := range goSide {
		for _, d := range deps(t, pkg) {
			if strings.HasPrefix(d, "internal/python/") || strings.HasSuffix(d, "/python") || d == "analyzers/pyrules" {
				t.Errorf("%s (Go side) depends on %s", pkg, d)
			}
		}
	}
}
