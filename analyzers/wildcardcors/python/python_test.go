package python_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xynergy/xylint/analyzers/wildcardcors"
	"github.com/xynergy/xylint/analyzers/wildcardcors/python"
	"github.com/xynergy/xylint/internal/deploy"
	fixengine "github.com/xynergy/xylint/internal/fix"
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/pyanalysis"
	"github.com/xynergy/xylint/internal/python/pyanalysistest"
	"github.com/xynergy/xylint/internal/python/pystyle"
)

func TestAnalyzer(t *testing.T) {
	pyanalysistest.Run(t, "../testdata/python", python.Analyzer)
}

func TestMiddlewareOption(t *testing.T) {
	opts := &wildcardcors.Options{Middleware: []string{"shared.cors.PlatformCORSMiddleware"}}
	pyanalysistest.RunWithOptions(t, "../testdata/python-options", python.Analyzer, opts)
}

func TestFixes(t *testing.T) {
	pyanalysistest.RunWithFixes(t, "../testdata/python", python.Analyzer, nil)
}

// fix applies the rule's fixes to src with opts (nil: defaults) and checks
// the engine's guarantees and that the result compiles.
func fix(t *testing.T, src string, opts *wildcardcors.Options) string {
	t.Helper()
	cfg := pyanalysis.Config{Analyzers: []*pyanalysis.Analyzer{python.Analyzer}}
	if opts != nil {
		cfg.Options = func(*lint.Rule) any { return pyanalysistest.Compiled(t, python.Analyzer, opts) }
	}
	out, _ := pyanalysistest.FixSource(t, "m.py", []byte(src), cfg)
	if string(out) != src {
		pyanalysistest.Compile(t, t.TempDir(), map[string][]byte{"m.py": out})
	}
	return string(out)
}

// Cases whose `# want` comment would sit inside the edited code.
func TestFixLayouts(t *testing.T) {
	for _, c := range []struct{ name, src, want string }{
		{
			"middle element of a multi-line list",
			"from fastapi.middleware.cors import CORSMiddleware\n\napp.add_middleware(CORSMiddleware, allow_origins=[\n    \"https://a.example\",\n    \"*\",\n    \"https://b.example\",\n])\n",
			"from fastapi.middleware.cors import CORSMiddleware\n\napp.add_middleware(CORSMiddleware, allow_origins=[\n    \"https://a.example\",\n    \"https://b.example\",\n])\n",
		},
		{
			"flask-cors arguments one per line",
			"import os\n\nfrom flask_cors import CORS\n\nCORS(\n    app,\n    supports_credentials=True,\n)\n",
			// Too long for 88 columns: split after the bracket, as Black does.
			"import os\n\nfrom flask_cors import CORS\n\nCORS(\n    app,\n    supports_credentials=True,\n    origins=[\n        origin for origin in os.environ.get(\"ALLOWED_ORIGINS\", \"\").split(\",\") if origin\n    ],\n)\n",
		},
		{
			"send_wildcard gives way to the origins, wrapped",
			"import os\n\nfrom flask_cors import cross_origin\n\n\n@cross_origin(send_wildcard=True)\ndef view():\n    pass\n",
			"import os\n\nfrom flask_cors import cross_origin\n\n\n@cross_origin(\n    origins=[\n        origin for origin in os.environ.get(\"ALLOWED_ORIGINS\", \"\").split(\",\") if origin\n    ]\n)\ndef view():\n    pass\n",
		},
		{
			"a wildcard in a longer string is not fixed",
			"from fastapi.middleware.cors import CORSMiddleware\n\napp.add_middleware(CORSMiddleware, allow_origins=\"https://a.example,*\".split(\",\"))\n",
			"from fastapi.middleware.cors import CORSMiddleware\n\napp.add_middleware(CORSMiddleware, allow_origins=\"https://a.example,*\".split(\",\"))\n",
		},
		{
			"raw headers are not fixed",
			"def view(resp):\n    resp.headers[\"Access-Control-Allow-Origin\"] = \"*\"\n    return resp\n",
			"def view(resp):\n    resp.headers[\"Access-Control-Allow-Origin\"] = \"*\"\n    return resp\n",
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := fix(t, c.src, nil); got != c.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, c.want)
			}
		})
	}
}

// origins-expression and origins-import: the platform's shared config.
func TestFixOptions(t *testing.T) {
	opts := wildcardcors.NewOptions()
	opts.OriginsExpression = "ALLOWED_ORIGINS"
	opts.OriginsImport = "shared.config:ALLOWED_ORIGINS"
	src := "from fastapi.middleware.cors import CORSMiddleware\nfrom shared.config import SERVICE_NAME\n\napp.add_middleware(CORSMiddleware, allow_origins=[\"*\"])\n"
	want := "from fastapi.middleware.cors import CORSMiddleware\nfrom shared.config import ALLOWED_ORIGINS, SERVICE_NAME\n\napp.add_middleware(CORSMiddleware, allow_origins=ALLOWED_ORIGINS)\n"
	if got := fix(t, src, opts); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	// An expression that does not parse gives no fix.
	opts.OriginsExpression = "ALLOWED_ORIGINS["
	if got := fix(t, src, opts); got != src {
		t.Errorf("a bad expression was used:\n%s", got)
	}
	opts.OriginsImport = "shared.config:"
	if _, err := wildcardcors.OptionsSpec.CompileValue(opts); err == nil {
		t.Error("a bad origins-import: want an error")
	}
}

// The fixes respect the line length of the project's Ruff, Black or flake8
// configuration (testdata/python-style/<case>/: the configuration beside
// the file, a golden for each), wrapping as Black does, in CRLF and
// tab-indented files too.
func TestFixLineLength(t *testing.T) {
	const dir = "../testdata/python-style"
	cases, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	update := os.Getenv(pyanalysistest.UpdateGoldenEnv) == "1"
	for _, c := range cases {
		t.Run(c.Name(), func(t *testing.T) {
			d, _ := filepath.Abs(filepath.Join(dir, c.Name()))
			files, _ := filepath.Glob(filepath.Join(d, "*.py"))
			if len(files) == 0 {
				t.Fatal("no .py file")
			}
			limit := pystyle.LineLength(d)
			cfg := pyanalysis.Config{Analyzers: []*pyanalysis.Analyzer{python.Analyzer}, LineLength: func() int { return limit }}
			for _, p := range files {
				src, _ := os.ReadFile(p)
				out, _ := pyanalysistest.FixSource(t, filepath.Base(p), src, cfg)
				if bytes.Equal(out, src) {
					t.Fatalf("%s: no fix", p)
				}
				if update {
					os.WriteFile(p+".golden", out, 0o644)
				}
				want, _ := os.ReadFile(p + ".golden")
				if !bytes.Equal(out, want) {
					t.Errorf("%s: fixed output differs from its golden:\n%s", p, fixengine.Diff(filepath.Base(p), want, out))
				}
				// Every line is within the limit (tabs as four), and the
				// line ending is the file's.
				for _, l := range strings.Split(string(out), "\n") {
					l = strings.TrimSuffix(l, "\r")
					if n := utf8.RuneCountInString(l) + 3*strings.Count(l, "\t"); n > limit {
						t.Errorf("%s: a line of %d characters, over %d: %q", p, n, limit, l)
					}
				}
				if bytes.Contains(src, []byte("\r\n")) && bytes.Count(out, []byte("\n")) != bytes.Count(out, []byte("\r\n")) {
					t.Errorf("%s: the fix wrote LF lines into a CRLF file", p)
				}
				pyanalysistest.Compile(t, t.TempDir(), map[string][]byte{filepath.Base(p): out})
			}
		})
	}
}

// The origins come from the project's settings object when the file
// imports it and it has an origins setting that is a list of strings
// (testdata/python-settings/<case>/: a project each, the golden beside the
// file with the finding); else the configured expression, and the message
// says when the object holds none.
func TestFixFromSettings(t *testing.T) {
	const dir = "../testdata/python-settings"
	pyanalysistest.Run(t, dir, python.Analyzer)
	cases, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	cfg := pyanalysis.Config{Analyzers: []*pyanalysis.Analyzer{python.Analyzer}}
	for _, c := range cases {
		if !c.IsDir() {
			continue // the projects' deployment (app.yaml)
		}
		t.Run(c.Name(), func(t *testing.T) {
			var msgs []string
			fixed := fixGoldens(t, filepath.Join(dir, c.Name()), func(root, rel string) []byte {
				out, rep := pyanalysistest.FixInProject(t, root, rel, cfg)
				for _, a := range rep.Applied {
					msgs = append(msgs, a.Message)
				}
				return out
			})
			if fixed == 0 {
				t.Error("no fix changed any file")
			}
			// The fix's message says where the origins come from, and
			// for the environment variable that the deployment must set it.
			if want := fixMessages[c.Name()]; len(msgs) != 1 || !strings.Contains(msgs[0], want) {
				t.Errorf("fix messages %q, want one containing %q", msgs, want)
			}
		})
	}
}

var fixMessages = map[string]string{
	"pydantic":    "Replace the wildcard with the project's setting `settings.all_cors_origins`",
	"module":      "the project's setting `settings.CORS_ALLOWED_ORIGINS`",
	"flask":       "Add the app's configured `app.config[\"ALLOWED_ORIGINS\"]`",
	"flaskconfig": "Add the app's configured `app.config[\"ALLOWED_ORIGINS\"]`",
	"noorigins":   "the ALLOWED_ORIGINS environment variable (the deployment must set it: unset, no origin is allowed)",
	"strtyped":    "the ALLOWED_ORIGINS environment variable (the deployment must set it",
	"notimported": "the ALLOWED_ORIGINS environment variable (the deployment must set it",
}

// A wildcard without credentials is a note in a service that
// authenticates by a header credential (another module's APIKeyHeader),
// a warning in one with cookie sessions, an error with credentials.
//
// The note gets no fix (restricting a public, header-keyed API's origins
// to an expression the deployment may not set breaks its cross-origin
// clients for no gain); the warnings keep theirs.
func TestHeaderAuthLevels(t *testing.T) {
	const dir = "../testdata/python-headerauth"
	pyanalysistest.Run(t, dir, python.Analyzer)
	cfg := pyanalysis.Config{Analyzers: []*pyanalysis.Analyzer{python.Analyzer}}
	for _, c := range []struct {
		root, path string
		fixed      bool
	}{{"keyed", "api/main.py", false}, {"keyed", "api/widgets.py", true}, {"sessions", "web/main.py", true}} {
		root := filepath.Join(dir, c.root)
		src, err := os.ReadFile(filepath.Join(root, c.path))
		if err != nil {
			t.Fatal(err)
		}
		out, _ := pyanalysistest.FixInProject(t, root, c.path, cfg)
		if got := !bytes.Equal(out, src); got != c.fixed {
			t.Errorf("%s/%s: fixed = %v, want %v", c.root, c.path, got, c.fixed)
		}
	}
}

// The configured origins expression reads ALLOWED_ORIGINS: its fix is made
// only where the service's deployment sets the variable (a Dockerfile
// above the service, a Kubernetes manifest beside it), or the project has
// an origins setting of its own; not where nothing sets it (the message
// says what to set), nor where a test asserts the wildcard header
// (testdata/python-deploy/<case>/: a project each, the golden beside the
// file with the finding).
func TestFixNeedsDeployment(t *testing.T) {
	const dir = "../testdata/python-deploy"
	pyanalysistest.Run(t, dir, python.Analyzer)
	want := map[string]bool{"dockerfile": true, "manifest": true, "settings": true, "nodeploy": false, "tested": false}
	for c, fixes := range want {
		t.Run(c, func(t *testing.T) {
			n := fixGoldens(t, filepath.Join(dir, c), func(root, rel string) []byte { return []byte(fixDeployFile(t, root, rel, nil)) })
			if (n > 0) != fixes {
				t.Errorf("%d files fixed, want fixes: %v", n, fixes)
			}
		})
	}
	// An origins expression the project configures is its evidence.
	opts := &wildcardcors.Options{OriginsExpression: "ORIGINS", OriginsImport: "shared.config:ORIGINS"}
	out := fixDeployFile(t, filepath.Join(dir, "nodeploy"), "svc/main.py", opts)
	if !strings.Contains(out, "CORS(app, origins=ORIGINS)") {
		t.Errorf("with origins-expression configured, got:\n%s", out)
	}
}

// fixGoldens fixes every file of the project root with fix, checks each
// against its golden (written with XYLINT_UPDATE_GOLDEN=1) and that it
// compiles, and returns how many changed.
func fixGoldens(t *testing.T, root string, fix func(root, rel string) []byte) int {
	t.Helper()
	update := os.Getenv(pyanalysistest.UpdateGoldenEnv) == "1"
	fixed := 0
	_ = filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".py") {
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		src, _ := os.ReadFile(p)
		out := fix(root, filepath.ToSlash(rel))
		if update {
			if bytes.Equal(out, src) {
				os.Remove(p + ".golden")
			} else {
				os.WriteFile(p+".golden", out, 0o644)
			}
		}
		want, err := os.ReadFile(p + ".golden")
		switch {
		case err != nil && !bytes.Equal(out, src):
			t.Errorf("%s: the fix changes it but there is no golden", p)
		case err == nil && !bytes.Equal(out, want):
			t.Errorf("%s: fixed output differs from its golden:\n%s", p, fixengine.Diff(rel, want, out))
		}
		if !bytes.Equal(out, src) {
			fixed++
			pyanalysistest.Compile(t, t.TempDir(), map[string][]byte{filepath.Base(p): out})
		}
		return nil
	})
	return fixed
}

func fixDeployFile(t *testing.T, root, rel string, opts *wildcardcors.Options) string {
	cfg := pyanalysis.Config{Analyzers: []*pyanalysis.Analyzer{python.Analyzer}, Deployment: pyanalysistest.Deployment(deploy.New(), root, rel)}
	if opts != nil {
		c := pyanalysistest.Compiled(t, python.Analyzer, opts)
		cfg.Options = func(*lint.Rule) any { return c }
	}
	out, _ := pyanalysistest.FixInProject(t, root, rel, cfg, "shared")
	return string(out)
}
