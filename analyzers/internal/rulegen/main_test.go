package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRegistriesAreGenerated fails when a rule folder was added, removed or
// renumbered without `go generate ./analyzers`: the registries on disk must
// be what rulegen writes.
func TestRegistriesAreGenerated(t *testing.T) {
	files, err := generate(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range files {
		got, err := os.ReadFile(filepath.Join("..", "..", name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("analyzers/%s is stale: run `go generate ./analyzers`", filepath.ToSlash(name))
		}
	}
}

// TestGenerateFindsRules checks the generator on a made-up tree: code
// order, the Go and Python sides found by their declarations, folders that
// are not rules ignored, and the mistakes it must refuse.
func TestGenerateFindsRules(t *testing.T) {
	write := func(t *testing.T, root string, files map[string]string) {
		for p, c := range files {
			p = filepath.Join(root, p)
			os.MkdirAll(filepath.Dir(p), 0o755)
			if err := os.WriteFile(p, []byte(c), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	rule := func(pkg, code string) string {
		return "package " + pkg + "\n\nvar Rule = &lint.Rule{Code: \"" + code + "\", Name: \"x\"}\n"
	}
	root := t.TempDir()
	write(t, root, map[string]string{
		"zeta/rule.go":            rule("zeta", "XY001"),
		"zeta/analyzer.go":        "package zeta\n\nvar Go = goanalysis.Rule{}\n",
		"zeta/python/python.go":   "package python\n\nvar Analyzer = &pyanalysis.Analyzer{}\n",
		"alpha/rule.go":           rule("alpha", "XY007"),
		"alpha/python/python.go":  "package python\n\nvar Analyzer = &pyanalysis.Analyzer{}\n",
		"internal/tool/tool.go":   "package tool\n",
		"pyrules/doc.go":          "package pyrules\n",
		"alpha/testdata/x/x.go":   "package x\n",
		"alpha/python/x_test.go":  "package python\n",
		"zeta/analyzer_test.go":   "package zeta\n\nvar Python = 1\n",
		"zeta/python/helpers.go":  "package python\n\nvar helper = 1\n",
		"alpha/python/testdata/a": "not go",
	})
	files, err := generate(root)
	if err != nil {
		t.Fatal(err)
	}
	reg := string(files["registry.go"])
	if strings.Index(reg, "zeta.Rule") > strings.Index(reg, "alpha.Rule") || !strings.Contains(reg, "zeta.Go") || strings.Contains(reg, "alpha.Go") {
		t.Errorf("registry.go: want zeta (XY001) before alpha (XY007), and only zeta's Go side:\n%s", reg)
	}
	py := string(files[filepath.Join("pyrules", "registry.go")])
	if strings.Index(py, "zeta.Analyzer") > strings.Index(py, "alpha.Analyzer") || strings.Contains(py, "tool") {
		t.Errorf("pyrules: want zeta then alpha:\n%s", py)
	}

	for name, tree := range map[string]map[string]string{
		"duplicate code":      {"a/rule.go": rule("a", "XY001"), "b/rule.go": rule("b", "XY001")},
		"bad code":            {"a/rule.go": rule("a", "X1")},
		"no Rule":             {"a/rule.go": "package a\n"},
		"python, no Analyzer": {"a/rule.go": rule("a", "XY001"), "a/python/p.go": "package python\n"},
	} {
		root := t.TempDir()
		write(t, root, tree)
		if _, err := generate(root); err == nil {
			t.Errorf("%s: want an error", name)
		}
	}
}
