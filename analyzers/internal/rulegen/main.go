// Command rulegen writes xylint's rule registries from the rule folders, as
// staticcheck's generate.go does: `go generate ./analyzers` after adding,
// removing or renumbering a rule. A rule is a folder of analyzers/ with a
// rule.go declaring `var Rule = &lint.Rule{Code: "XY..."}`; it has a Go
// side when its package declares `var Go` (a goanalysis.Rule) and a Python
// side when its python/ folder declares `var Analyzer`. The registries list
// them in code order:
//
//	analyzers/registry.go         Rules ([]*lint.Rule) and Go ([]goanalysis.Rule)
//	analyzers/pyrules/registry.go All ([]*pyanalysis.Analyzer)
//
// Its test fails when the files on disk are not what it would write.
package main

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

const module = "github.com/xynergy/xylint"

func main() {
	dir := "."
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	files, err := generate(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "rulegen:", err)
		os.Exit(1)
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "rulegen:", err)
			os.Exit(1)
		}
	}
}

// rule is one rule folder.
type rule struct {
	dir    string // folder name = Go package name ("printcall")
	code   string // "XY005"
	goSide bool
	pySide bool
}

// generate returns the registry files (by path relative to dir, the
// analyzers folder) for the rule folders under dir.
func generate(dir string) (map[string][]byte, error) {
	rules, err := findRules(dir)
	if err != nil {
		return nil, err
	}
	reg, err := registry(rules)
	if err != nil {
		return nil, err
	}
	py, err := pyrules(rules)
	if err != nil {
		return nil, err
	}
	return map[string][]byte{"registry.go": reg, filepath.Join("pyrules", "registry.go"): py}, nil
}

func findRules(dir string) ([]rule, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var rules []rule
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		folder := filepath.Join(dir, e.Name())
		if _, err := os.Stat(filepath.Join(folder, "rule.go")); err != nil {
			continue // internal/, pyrules/: not rules
		}
		r := rule{dir: e.Name()}
		vars, lits, err := packageVars(folder)
		if err != nil {
			return nil, err
		}
		if !vars["Rule"] {
			return nil, fmt.Errorf("%s/rule.go declares no `var Rule`", e.Name())
		}
		r.code = lits["Rule.Code"]
		if !validCode(r.code) {
			return nil, fmt.Errorf("%s: Rule.Code %q is not a code such as \"XY007\" (a string literal)", e.Name(), r.code)
		}
		r.goSide = vars["Go"]
		if _, err := os.Stat(filepath.Join(folder, "python")); err == nil {
			pyVars, _, err := packageVars(filepath.Join(folder, "python"))
			if err != nil {
				return nil, err
			}
			if !pyVars["Analyzer"] {
				return nil, fmt.Errorf("%s/python declares no `var Analyzer`", e.Name())
			}
			r.pySide = true
		}
		rules = append(rules, r)
	}
	slices.SortFunc(rules, func(a, b rule) int { return strings.Compare(a.code, b.code) })
	for i := 1; i < len(rules); i++ {
		if rules[i].code == rules[i-1].code {
			return nil, fmt.Errorf("%s and %s both declare %s", rules[i-1].dir, rules[i].dir, rules[i].code)
		}
	}
	if len(rules) == 0 {
		return nil, fmt.Errorf("no rule folders in %s", dir)
	}
	return rules, nil
}

func validCode(c string) bool {
	if len(c) != 5 || !strings.HasPrefix(c, "XY") {
		return false
	}
	_, err := strconv.Atoi(c[2:])
	return err == nil
}

// packageVars returns the package-level variables declared in the non-test
// files of the package in dir, and the string literals of the fields of
// composite literals they are set to ("Rule.Code" → "XY005").
func packageVars(dir string) (vars map[string]bool, lits map[string]string, err error) {
	fset := token.NewFileSet()
	vars, lits = map[string]bool{}, map[string]string{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, err
	}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, e.Name()), nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, nil, err
		}
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.VAR {
				continue
			}
			for _, s := range g.Specs {
				vs := s.(*ast.ValueSpec)
				for i, n := range vs.Names {
					vars[n.Name] = true
					if i < len(vs.Values) {
						fieldLits(n.Name, vs.Values[i], lits)
					}
				}
			}
		}
	}
	return vars, lits, nil
}

func fieldLits(name string, v ast.Expr, lits map[string]string) {
	if u, ok := v.(*ast.UnaryExpr); ok && u.Op == token.AND {
		v = u.X
	}
	cl, ok := v.(*ast.CompositeLit)
	if !ok {
		return
	}
	for _, el := range cl.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		k, ok1 := kv.Key.(*ast.Ident)
		lit, ok2 := kv.Value.(*ast.BasicLit)
		if ok1 && ok2 && lit.Kind == token.STRING {
			if s, err := strconv.Unquote(lit.Value); err == nil {
				lits[name+"."+k.Name] = s
			}
		}
	}
}

const header = "// Code generated by rulegen (go generate ./analyzers) from the rule folders; DO NOT EDIT.\n\n"

func registry(rules []rule) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(header)
	b.WriteString("package analyzers\n\nimport (\n")
	for _, r := range rules {
		fmt.Fprintf(&b, "\t%q\n", module+"/analyzers/"+r.dir)
	}
	fmt.Fprintf(&b, "\t%q\n\t%q\n)\n\n", module+"/internal/goanalysis", module+"/internal/lint")
	b.WriteString("// Rules lists every rule in code order.\nvar Rules = []*lint.Rule{\n")
	for _, r := range rules {
		fmt.Fprintf(&b, "\t%s.Rule, // %s\n", r.dir, r.code)
	}
	b.WriteString("}\n\n// Go lists the rules' Go sides in code order.\nvar Go = []goanalysis.Rule{\n")
	for _, r := range rules {
		if r.goSide {
			fmt.Fprintf(&b, "\t%s.Go,\n", r.dir)
		}
	}
	b.WriteString("}\n")
	return format.Source(b.Bytes())
}

func pyrules(rules []rule) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(header)
	b.WriteString("package pyrules\n\nimport (\n")
	for _, r := range rules {
		if r.pySide {
			fmt.Fprintf(&b, "\t%s %q\n", r.dir, module+"/analyzers/"+r.dir+"/python")
		}
	}
	fmt.Fprintf(&b, "\t%q\n)\n\n", module+"/internal/python/pyanalysis")
	b.WriteString("// All lists every Python analyzer.\nvar All = []*pyanalysis.Analyzer{\n")
	for _, r := range rules {
		if r.pySide {
			fmt.Fprintf(&b, "\t%s.Analyzer, // %s\n", r.dir, r.code)
		}
	}
	b.WriteString("}\n")
	return format.Source(b.Bytes())
}
