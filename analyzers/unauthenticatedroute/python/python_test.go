package python_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xynergy/xylint/analyzers/unauthenticatedroute"
	"github.com/xynergy/xylint/analyzers/unauthenticatedroute/python"
	"github.com/xynergy/xylint/internal/config"
	"github.com/xynergy/xylint/internal/driver"
	"github.com/xynergy/xylint/internal/driver/pyproducer"
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/pyanalysis"
	"github.com/xynergy/xylint/internal/python/pyanalysistest"
	"github.com/xynergy/xylint/internal/testutil/filetree"
)

func TestAnalyzer(t *testing.T) {
	pyanalysistest.Run(t, "../testdata/python", python.Analyzer)
}

func TestFixes(t *testing.T) {
	pyanalysistest.RunWithFixes(t, "../testdata/python", python.Analyzer, nil)
}

// Layouts whose `# want` comment would sit inside the edited code, and the
// options.
func TestFixLayouts(t *testing.T) {
	for _, c := range []struct {
		name, src, want string
		opts            func(*unauthenticatedroute.Options)
	}{
		{
			name: "decorator arguments one per line",
			src:  "from fastapi import Depends, FastAPI\n\nfrom shared.auth import verify_api_key\n\napp = FastAPI()\n\n\n@app.post(\n    \"/x\",\n    status_code=201,\n)\nasync def x():\n    return {}\n",
			want: "from fastapi import Depends, FastAPI\n\nfrom shared.auth import verify_api_key\n\napp = FastAPI()\n\n\n@app.post(\n    \"/x\",\n    status_code=201,\n    dependencies=[Depends(verify_api_key)],\n)\nasync def x():\n    return {}\n",
		},
		{
			name: "a dependencies list one per line",
			src:  "from fastapi import Depends, FastAPI\n\nfrom shared.auth import User\n\napp = FastAPI()\n\n\ndef db():\n    pass\n\n\n@app.post(\"/x\", dependencies=[\n    Depends(db),\n])\nasync def x():\n    return {}\n",
			want: "from fastapi import Depends, FastAPI\n\nfrom shared.auth import User, verify_api_key\n\napp = FastAPI()\n\n\ndef db():\n    pass\n\n\n@app.post(\"/x\", dependencies=[\n    Depends(db),\n    Depends(verify_api_key),\n])\nasync def x():\n    return {}\n",
		},
		{
			name: "fix-dependency",
			src:  "from fastapi import FastAPI\n\nfrom platform_auth.keys import KEY_HEADER\n\napp = FastAPI()\n\n\n@app.get(\"/x\")\nasync def x():\n    return {}\n",
			want: "from fastapi import Depends, FastAPI\n\nfrom platform_auth.keys import check_key, KEY_HEADER\n\napp = FastAPI()\n\n\n@app.get(\"/x\", dependencies=[Depends(check_key)])\nasync def x():\n    return {}\n",
			opts: func(o *unauthenticatedroute.Options) { o.FixDependency = "platform_auth.keys.check_key" },
		},
		{
			name: "no shared.auth in the project: no fix",
			src:  "from fastapi import FastAPI\n\napp = FastAPI()\n\n\n@app.get(\"/x\")\nasync def x():\n    return {}\n",
			want: "from fastapi import FastAPI\n\napp = FastAPI()\n\n\n@app.get(\"/x\")\nasync def x():\n    return {}\n",
		},
		{
			name: "no fix-decorator: no Flask fix",
			src:  "from flask import Flask\n\napp = Flask(__name__)\n\n\n@app.post(\"/x\")\ndef x():\n    return \"\"\n",
			want: "from flask import Flask\n\napp = Flask(__name__)\n\n\n@app.post(\"/x\")\ndef x():\n    return \"\"\n",
			opts: func(o *unauthenticatedroute.Options) { o.FixDecorator = "" },
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			opts := unauthenticatedroute.NewOptions()
			if c.opts != nil {
				c.opts(opts)
			}
			cfg := pyanalysis.Config{Analyzers: []*pyanalysis.Analyzer{python.Analyzer}, Options: func(*lint.Rule) any { return pyanalysistest.Compiled(t, python.Analyzer, opts) }}
			out, _ := pyanalysistest.FixSource(t, "m.py", []byte(c.src), cfg)
			if string(out) != c.want {
				t.Errorf("got:\n%s\nwant:\n%s", out, c.want)
			}
			if string(out) != c.src {
				pyanalysistest.Compile(t, t.TempDir(), map[string][]byte{"m.py": out})
			}
		})
	}
	bad := unauthenticatedroute.NewOptions()
	bad.FixDependency = "verify_api_key"
	if _, err := unauthenticatedroute.OptionsSpec.CompileValue(bad); err == nil {
		t.Error("fix-dependency without a module: want an error")
	}
}

// A public-paths entry that names methods is public for those only.
func TestPublicMethods(t *testing.T) {
	opts := unauthenticatedroute.NewOptions()
	opts.PublicPaths = append(opts.PublicPaths, "POST /webhooks/stripe", "GET,HEAD /status")
	pyanalysistest.RunWithOptions(t, "../testdata/public_methods", python.Analyzer, opts)
}

// platform-auth in a service's configuration makes that service's open
// routes notes that quote it; a service beside it keeps its levels.
func TestPlatformAuthPerDirectory(t *testing.T) {
	route := "from fastapi import FastAPI\n\napp = FastAPI()\n\n\n@app.post(\"/jobs\")\ndef run_job():\n    return {}\n"
	root := filetree.Temp(t, map[string]string{
		"internal-job/pyproject.toml": "[tool.xylint.unauthenticated-route]\nplatform-auth = \"Cloud Run IAM (--no-allow-unauthenticated)\"\n",
		"internal-job/main.py":        route,
		"public-api/main.py":          route,
	})
	res, err := driver.Run(context.Background(), driver.Options{
		Paths:     []string{root},
		Registry:  &config.Registry{Rules: []*lint.Rule{lint.SyntaxError, unauthenticatedroute.Rule}},
		Producers: []driver.Producer{&pyproducer.Producer{Analyzers: []*pyanalysis.Analyzer{python.Analyzer}}},
		Jobs:      2,
	})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]lint.Diagnostic{}
	for _, d := range res.Diagnostics {
		got[strings.TrimPrefix(d.Path, filepath.ToSlash(root)+"/")] = d
	}
	if d := got["internal-job/main.py"]; d.Severity != lint.Note || !strings.HasSuffix(d.Message, `a note because auth is enforced by the platform (platform-auth: "Cloud Run IAM (--no-allow-unauthenticated)")`) || d.Fix != nil {
		t.Errorf("internal-job: %v %q (fix %v), want a note quoting platform-auth, without a fix", d.Severity, d.Message, d.Fix)
	}
	if d := got["public-api/main.py"]; d.Severity != lint.Error || !strings.Contains(d.Message, "; an error because POST changes state") {
		t.Errorf("public-api: %v %q, want an error", d.Severity, d.Message)
	}
}
