package goproducer_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xynergy/xylint/analyzers"
	"github.com/xynergy/xylint/internal/driver"
	"github.com/xynergy/xylint/internal/driver/goproducer"
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/testutil/filetree"
)

const handler = `package %s

import (
	"fmt"
	"net/http"
)

func Orders(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Access-Control-Allow-Origin", "*")
	fmt.Println("order")
}
`

// tree is two modules (svc, and tools nested in it), a Go file outside any
// module, the files the go command ignores, a package that does not build,
// and a configuration with per-file-ignores and options at the root.
var tree = map[string]string{
	".xylint.toml": `
[per-file-ignores]
"svc/orders/*.go" = ["XY001"]

[unauthenticated-route]
public-paths = ["/public"]
`,
	// A nested configuration: its rule selection and its options apply
	// to its package (TestOptionsArePerPackageDirectory).
	"svc/carts/.xylint.toml": `
ignore = ["XY005"]

[unauthenticated-route]
public-paths = ["/orders"]
`,
	"svc/go.mod": "module example.com/svc\n\ngo 1.26\n",
	"svc/main.go": `package main

import (
	"net/http"

	"example.com/svc/orders"
)

func main() {
	http.HandleFunc("POST /orders", orders.Orders)
	http.HandleFunc("POST /public", orders.Orders)
	http.ListenAndServe(":8080", nil)
}
`,
	"svc/orders/orders.go":          fmt.Sprintf(handler, "orders"),
	"svc/orders/orders_test.go":     "package orders\n\nimport \"fmt\"\n\nfunc init() { fmt.Println(1) }\n",
	"svc/carts/carts.go":            fmt.Sprintf(handler, "carts"),
	"svc/broken/broken.go":          "package broken\n\nfunc F() int { return \"x\" }\n",
	"svc/vendor/example.com/v/v.go": fmt.Sprintf(handler, "v"),
	"svc/testdata/t.go":             fmt.Sprintf(handler, "t"),
	"svc/ignored.go":                "//go:build ignore\n\npackage main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(1) }\n",
	"svc/native/cgo.go":             "package native\n\n// #include <stdlib.h>\nimport \"C\"\n\nfunc Free() {}\n",
	"svc/native/native.go":          fmt.Sprintf(handler, "native"),
	"svc/tools/go.mod":              "module example.com/tools\n\ngo 1.26\n",
	"svc/tools/tool.go":             fmt.Sprintf(handler, "tools"),
	"loose/loose.go":                fmt.Sprintf(handler, "loose"),
}

func run(t *testing.T, paths ...string) *driver.Result {
	t.Helper()
	res, err := driver.Run(context.Background(), driver.Options{
		Paths:     paths,
		Registry:  driver.NewRegistry(analyzers.Rules),
		Producers: []driver.Producer{&goproducer.Producer{Analyzers: analyzers.Go}},
		Jobs:      2,
	})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func findings(res *driver.Result) []string {
	var out []string
	for _, d := range res.Diagnostics {
		out = append(out, fmt.Sprintf("%s:%d %s", d.Path, d.Range.Start.Line, d.Rule.Code))
	}
	return out
}

func problems(ps []driver.Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.String())
	}
	return out
}

func TestModulesConfigAndSkips(t *testing.T) {
	t.Chdir(filetree.Temp(t, tree))
	res := run(t, ".")
	want := []string{
		// The package that does not build is reported; the others are
		// still checked.
		"svc/broken/broken.go:3 XY000",
		"svc/carts/carts.go:9 XY001",
		// /public is a public path of the root configuration's options;
		// /orders, public in carts/.xylint.toml, is not.
		"svc/main.go:10 XY002",
		"svc/main.go:12 XY006",
		// The cgo package's other files are checked.
		"svc/native/native.go:9 XY001",
		"svc/native/native.go:10 XY005",
		// per-file-ignores drop XY001 in orders/.
		"svc/orders/orders.go:10 XY005",
		// The nested module is a module of its own.
		"svc/tools/tool.go:9 XY001",
		"svc/tools/tool.go:10 XY005",
	}
	if got := findings(res); !slices.Equal(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(res.Errors) > 0 {
		t.Errorf("errors: %v", res.Errors)
	}
	// Test files and what the go command ignores are left out of the walk
	// silently; a file outside any module and one a build constraint
	// excludes get a notice.
	wantNotices := []string{
		"loose/loose.go: skipped: not in a Go module (no go.mod in its directory or above it): Go files are analysed with their module",
		"svc/ignored.go: skipped: not built on this platform (a build constraint such as //go:build ignore excludes it)",
		`svc/native/cgo.go: skipped: uses cgo (import "C"): xylint's Go analysis does not cover cgo files`,
	}
	if got := problems(res.Notices); !slices.Equal(got, wantNotices) {
		t.Errorf("notices:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantNotices, "\n"))
	}
	if res.ExitCode() != 1 {
		t.Errorf("exit code %d", res.ExitCode())
	}
}

// Files named explicitly are checked with their packages only, and the
// ones the Go analyzers leave alone say why.
func TestExplicitFiles(t *testing.T) {
	t.Chdir(filetree.Temp(t, tree))
	res := run(t, "svc/carts/carts.go", "svc/orders/orders_test.go", "svc/vendor/example.com/v/v.go", "svc/testdata/t.go")
	if got, want := findings(res), []string{"svc/carts/carts.go:9 XY001"}; !slices.Equal(got, want) {
		t.Errorf("findings %v, want %v", got, want)
	}
	want := []string{
		"svc/orders/orders_test.go: skipped: Go test file (xylint checks the packages' non-test files)",
		"svc/testdata/t.go: skipped: in testdata/, which the go command ignores: not a package of the module",
		"svc/vendor/example.com/v/v.go: skipped: in a vendor directory (third-party code; the go command's ./... leaves it out too)",
	}
	if got := problems(res.Notices); !slices.Equal(got, want) {
		t.Errorf("notices:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A main package named alone is judged with the module's other packages,
// whose facts say what their functions do: the main whose server package
// only serves is reported, the one whose server package shuts down is not.
func TestMainAloneSeesTheModulesFacts(t *testing.T) {
	t.Chdir(filetree.Temp(t, map[string]string{
		"go.mod":           "module example.com/m\n\ngo 1.26\n",
		"cmd/good/main.go": fmt.Sprintf(factsMain, "Run(ctx)"),
		"cmd/bad/main.go":  fmt.Sprintf(factsMain, "Serve(ctx)"),
		"server/server.go": factsServer,
	}))
	res := run(t, "cmd/good/main.go", "cmd/bad/main.go")
	if got, want := findings(res), []string{"cmd/bad/main.go:14 XY006"}; !slices.Equal(got, want) {
		t.Errorf("findings %v, want %v", got, want)
	}
	if len(res.Files) != 2 {
		t.Errorf("results for files not given: %d files", len(res.Files))
	}
}

// Reanalyze (the rounds of xylint fix) re-type-checks the edited file with
// its package and applies the file's configuration and suppressions.
func TestReanalyze(t *testing.T) {
	dir := filetree.Temp(t, tree)
	t.Chdir(dir)
	res := run(t, "svc")
	src, err := os.ReadFile(filepath.Join(dir, "svc/orders/orders.go"))
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(src), `fmt.Println("order")`, `fmt.Println("order") //nolint:XY005`, 1)
	f, err := res.Reanalyze("svc/orders/orders.go", []byte(edited))
	if err != nil {
		t.Fatal(err)
	}
	// XY001 is still dropped by per-file-ignores, XY005 is suppressed.
	if len(f.Diagnostics) != 0 || !f.Parsed || f.SyntaxErrors != 0 {
		t.Errorf("diagnostics %v, parsed %v, errors %d", f.Diagnostics, f.Parsed, f.SyntaxErrors)
	}
	broken := strings.Replace(string(src), `fmt.Println("order")`, `fmt.Println("order"`, 1)
	if f, err := res.Reanalyze("svc/orders/orders.go", []byte(broken)); err != nil || f.SyntaxErrors == 0 {
		t.Errorf("syntax error not counted: %v %+v", err, f)
	}
	if _, err := res.Reanalyze("svc/broken/broken.go", []byte("package broken\n")); err == nil {
		t.Error("a file of a package that did not build was re-analysed")
	}
}

// A module the go command cannot load is one error, on its first file; the
// other modules are checked.
func TestModuleThatDoesNotLoad(t *testing.T) {
	t.Chdir(filetree.Temp(t, map[string]string{
		"bad/go.mod":  "modul example.com/bad\n",
		"bad/a.go":    "package bad\n",
		"bad/b.go":    "package bad\n",
		"good/go.mod": "module example.com/good\n\ngo 1.26\n",
		"good/g.go":   fmt.Sprintf(handler, "good"),
	}))
	res := run(t, ".")
	if got, want := findings(res), []string{"good/g.go:9 XY001", "good/g.go:10 XY005"}; !slices.Equal(got, want) {
		t.Errorf("findings %v, want %v", got, want)
	}
	if len(res.Errors) != 1 || res.Errors[0].Path != "bad/a.go" ||
		!strings.Contains(res.Errors[0].Message, "could not be loaded, none of its files was checked: go: errors parsing go.mod") {
		t.Errorf("errors: %v", res.Errors)
	}
	if res.ExitCode() != 2 {
		t.Errorf("exit code %d", res.ExitCode())
	}
}

// A module whose go.mod is a cookiecutter template is skipped with a notice,
// as Python templates are, not reported as a module that does not load; a
// cookiecutter directory whose go.mod is a real one is checked.
func TestTemplateModule(t *testing.T) {
	t.Chdir(filetree.Temp(t, map[string]string{
		"tmpl/go.mod":                  "module {{cookiecutter.module_path}}\n\ngo 1.26\n",
		"tmpl/main.go":                 "package main\n\nimport \"{{cookiecutter.module_path}}/internal/app\"\n\nfunc main() { app.Run() }\n",
		"tmpl/internal/app/app.go":     fmt.Sprintf(handler, "app"),
		"{{cookiecutter.slug}}/go.mod": "module example.com/svc\n\ngo 1.26\n",
		"{{cookiecutter.slug}}/g.go":   fmt.Sprintf(handler, "svc"),
	}))
	res := run(t, ".")
	if got, want := findings(res), []string{"{{cookiecutter.slug}}/g.go:9 XY001", "{{cookiecutter.slug}}/g.go:10 XY005"}; !slices.Equal(got, want) {
		t.Errorf("findings %v, want %v", got, want)
	}
	if len(res.Errors) != 0 {
		t.Errorf("errors: %v", res.Errors)
	}
	skipped := "skipped: template (its go.mod is a Jinja or cookiecutter template, such as module {{cookiecutter.module_path}})"
	want := []string{"tmpl/internal/app/app.go: " + skipped, "tmpl/main.go: " + skipped}
	if got := problems(res.Notices); !slices.Equal(got, want) {
		t.Errorf("notices:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// nestedTree is a module whose root configuration makes /public public,
// with sub/ (its own configuration: /other public, and the platform
// authenticates every request) and server/ (a configuration of its own that
// changes nothing XY006 reads) below it, and plain/ with no configuration
// of its own.
var nestedTree = map[string]string{
	"go.mod":       "module example.com/m\n\ngo 1.26\n",
	".xylint.toml": "[unauthenticated-route]\npublic-paths = [\"/public\"]\n",
	"sub/.xylint.toml": `[unauthenticated-route]
public-paths = ["/other"]
platform-auth = "Cloud Run IAM: deployed with --no-allow-unauthenticated"
`,
	"sub/routes.go": `package sub

import "net/http"

func Register(mux *http.ServeMux, h http.HandlerFunc) {
	mux.HandleFunc("POST /public", h)
	mux.HandleFunc("POST /other", h)
}
`,
	// A fix in the module, so that xylint fix's rounds can re-analyse it.
	"sub/log.go": "package sub\n\nimport \"fmt\"\n\nfunc Log() { fmt.Println(\"x\") }\n",
	"plain/routes.go": `package plain

import "net/http"

func Register(mux *http.ServeMux, h http.HandlerFunc) {
	mux.HandleFunc("POST /public", h)
	mux.HandleFunc("POST /other", h)
}
`,
	"server/.xylint.toml": "[unauthenticated-route]\npublic-paths = [\"/ping\"]\n",
	"server/server.go":    factsServer,
	"cmd/good/main.go":    fmt.Sprintf(factsMain, "Run(ctx)"),
	"cmd/bad/main.go":     fmt.Sprintf(factsMain, "Serve(ctx)"),
}

// factsMain is a main (%s: a call of server's) that handles SIGTERM and
// leaves serving and shutting down to factsServer's functions: Run shuts
// down, Serve does not.
const factsMain = `package main

import (
	"context"
	"os/signal"
	"syscall"

	"example.com/m/server"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	if err := server.%s; err != nil {
		panic(err)
	}
}
`

const factsServer = `package server

import (
	"context"
	"net/http"
)

func Run(ctx context.Context) error {
	srv := &http.Server{Addr: ":8080"}
	go func() { _ = srv.ListenAndServe() }()
	<-ctx.Done()
	return srv.Shutdown(context.Background())
}

func Serve(context.Context) error { return http.ListenAndServe(":8080", nil) }
`

// detailed is findings with each one's level and message.
func detailed(res *driver.Result, under string) []string {
	var out []string
	for _, d := range res.Diagnostics {
		if strings.HasPrefix(d.Path, under) {
			out = append(out, fmt.Sprintf("%s:%d %s %s: %s", d.Path, d.Range.Start.Line, d.Rule.Code, d.Severity, d.Message))
		}
	}
	return out
}

// A package's options are those of the configuration nearest its
// directory, as for Python files: sub/.xylint.toml's public-paths and
// platform-auth apply to sub's package and not to the others; plain/, with
// no configuration of its own, has the root's. A nested configuration
// replaces the outer one whole: the root's /public is not public in sub.
func TestOptionsArePerPackageDirectory(t *testing.T) {
	t.Chdir(filetree.Temp(t, nestedTree))
	res := run(t, ".")
	if got, want := findings(res), []string{
		// The main whose server (a package with a configuration of its
		// own) does not shut down; facts cross the configurations.
		"cmd/bad/main.go:14 XY006",
		"plain/routes.go:7 XY002", // /other: public only in sub
		"server/server.go:10 XY004",
		"sub/log.go:5 XY005",
		"sub/routes.go:6 XY002", // /public: public only at the root
	}; !slices.Equal(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	sub := detailed(res, "sub/routes.go")
	want := `sub/routes.go:6 XY002 note: POST /public is reachable without authentication; a note because auth is enforced by the platform (platform-auth: "Cloud Run IAM: deployed with --no-allow-unauthenticated")`
	if len(sub) != 1 || sub[0] != want {
		t.Errorf("sub's findings:\n%s\nwant:\n%s", strings.Join(sub, "\n"), want)
	}
	for _, d := range res.Diagnostics {
		if d.Path == "plain/routes.go" && (d.Severity != lint.Error || strings.Contains(d.Message, "platform")) {
			t.Errorf("plain/ has sub's platform-auth: %s %s", d.Severity, d.Message)
		}
	}
	if len(res.Errors) > 0 {
		t.Errorf("errors: %v", res.Errors)
	}
}

// Checking a file reports exactly what checking the project reports in it
// (issue 12's invariant), with the options of the file's own directory,
// also for a package and a main whose server has options of their own.
func TestNestedOptionsSameFromAFileAndTheProject(t *testing.T) {
	t.Chdir(filetree.Temp(t, nestedTree))
	all := run(t, ".")
	for _, file := range []string{"sub/routes.go", "plain/routes.go", "cmd/bad/main.go", "server/server.go"} {
		one := run(t, file)
		if got, want := detailed(one, ""), detailed(all, file); !slices.Equal(got, want) {
			t.Errorf("xylint check %s:\n%s\nxylint check . in it:\n%s", file, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
	// The root's configuration set nowhere else: the whole tree checked
	// from sub/ is still judged per directory.
	fromSub := run(t, "sub", "plain")
	if got, want := detailed(fromSub, ""), append(detailed(all, "plain/"), detailed(all, "sub/")...); !slices.Equal(got, want) {
		t.Errorf("xylint check sub plain:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// The rounds of xylint fix analyse an edited file again with its
// directory's options.
func TestReanalyzeKeepsNestedOptions(t *testing.T) {
	dir := filetree.Temp(t, nestedTree)
	t.Chdir(dir)
	res := run(t, ".")
	src, err := os.ReadFile(filepath.Join(dir, "sub/routes.go"))
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(src), `"POST /other"`, `"DELETE /items"`, 1)
	f, err := res.Reanalyze("sub/routes.go", []byte(edited))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range f.Diagnostics {
		got = append(got, fmt.Sprintf("%d %s %s", d.Range.Start.Line, d.Rule.Code, d.Severity))
	}
	if want := []string{"6 XY002 note", "7 XY002 note"}; !slices.Equal(got, want) {
		t.Errorf("re-analysed sub/routes.go: %v, want %v (sub's platform-auth)", got, want)
	}
}
