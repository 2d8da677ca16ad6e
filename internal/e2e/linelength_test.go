package e2e

import (
	"strings"
	"testing"
)

// TestFixLineLengthFromProjectConfig: `xylint fix` wraps an XY001 fix to
// the line length the project's pyproject.toml sets, and a change of that
// setting reaches the next run though the file did not change (the
// analysis cache's key holds the line length).
func TestFixLineLengthFromProjectConfig(t *testing.T) {
	bin := xylintBinary(t)
	dir := t.TempDir()
	write := func(name, content string) { t.Helper(); writeFile(t, dir, name, content) }
	write("main.py", "import os\n\nfrom flask import Flask\nfrom flask_cors import CORS\n\napp = Flask(__name__)\nCORS(app)\n")
	write("pyproject.toml", "[tool.ruff]\nline-length = 79\n")
	// The service's deployment sets the variable the fix reads (no fix
	// otherwise: analyzers/wildcardcors/python/deploy.go).
	write("app.yaml", "runtime: python312\nenv_variables:\n  ALLOWED_ORIGINS: \"https://app.example\"\n")
	diff := func() string {
		t.Helper()
		out, errOut, code := runXylint(t, bin, dir, "fix", "--diff", "--unsafe-fixes", "--select", "XY001", ".")
		if code == 2 {
			t.Fatalf("xylint fix --diff: exit 2\n%s%s", out, errOut)
		}
		return out
	}
	wrapped := "+CORS(\n+    app,\n+    origins=[\n+        origin\n+        for origin in os.environ.get(\"ALLOWED_ORIGINS\", \"\").split(\",\")\n+        if origin\n+    ],\n+)\n"
	if out := diff(); !strings.Contains(out, wrapped) {
		t.Errorf("at line-length 79, want the call wrapped:\n%s", out)
	}
	write("pyproject.toml", "[tool.ruff]\nline-length = 120\n")
	one := "+CORS(app, origins=[origin for origin in os.environ.get(\"ALLOWED_ORIGINS\", \"\").split(\",\") if origin])\n"
	if out := diff(); !strings.Contains(out, one) {
		t.Errorf("at line-length 120 (the second run, cache warm), want the call on one line:\n%s", out)
	}
}
