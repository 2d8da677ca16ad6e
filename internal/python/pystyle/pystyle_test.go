package pystyle

import (
	"os"
	"path/filepath"
	"testing"
)

func write(t *testing.T, dir, name, content string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestLineLength(t *testing.T) {
	for _, c := range []struct {
		name  string
		files map[string]string // relative path → content
		dir   string            // where the Python file is, relative
		want  int
	}{
		{"nothing configured", map[string]string{"README": "x"}, "pkg", DefaultLineLength},
		{"ruff in pyproject", map[string]string{"pyproject.toml": "[tool.ruff]\nline-length = 100\n"}, "pkg", 100},
		{"black in pyproject", map[string]string{"pyproject.toml": "[project]\nname = \"x\"\n\n[tool.black]\nline-length = 79\n"}, "pkg/sub", 79},
		{"ruff.toml", map[string]string{"ruff.toml": "line-length = 120\n[lint]\nselect = [\"E\"]\n"}, "", 120},
		{".ruff.toml", map[string]string{".ruff.toml": "line-length = 99\n"}, "", 99},
		{"flake8 in setup.cfg, with continuation lines", map[string]string{"setup.cfg": "[metadata]\nname = x\n[options]\ninstall_requires =\n    flask\n    requests\n\n[flake8]\nmax-line-length = 110\nexclude =\n    .git,\n    build\n"}, "pkg", 110},
		{"flake8 in .flake8, underscores", map[string]string{".flake8": "[flake8]\nmax_line_length: 95\n"}, "pkg", 95},
		{"flake8 in tox.ini", map[string]string{"tox.ini": "[tox]\nenvlist = py311\n\n[flake8]\nmax-line-length = 100\n"}, "pkg", 100},
		{"the least of the directory's tools", map[string]string{"pyproject.toml": "[tool.black]\nline-length = 100\n", ".flake8": "[flake8]\nmax-line-length = 90\n"}, "", 90},
		{"ruff section without line-length: the default, and the search stops", map[string]string{"pyproject.toml": "[tool.black]\nline-length = 120\n", "svc/pyproject.toml": "[tool.ruff]\nselect = [\"E\"]\n"}, "svc/app", DefaultLineLength},
		{"the nearest directory wins", map[string]string{"pyproject.toml": "[tool.ruff]\nline-length = 120\n", "svc/setup.cfg": "[flake8]\nmax-line-length = 79\n"}, "svc/app", 79},
		{"a pyproject without the tools is passed over", map[string]string{"pyproject.toml": "[tool.ruff]\nline-length = 120\n", "svc/pyproject.toml": "[project]\nname = \"svc\"\n", "svc/setup.cfg": "[metadata]\nname = svc\n"}, "svc", 120},
		{"a file that does not parse configures nothing", map[string]string{"pyproject.toml": "[tool.ruff]\nline-length = 100\n", "svc/pyproject.toml": "[tool.ruff\nline-length = 70\n"}, "svc", 100},
	} {
		t.Run(c.name, func(t *testing.T) {
			root := t.TempDir()
			for p, content := range c.files {
				write(t, filepath.Join(root, filepath.Dir(p)), filepath.Base(p), content)
			}
			dir := filepath.Join(root, c.dir)
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			if got := LineLength(dir); got != c.want {
				t.Errorf("LineLength = %d, want %d", got, c.want)
			}
		})
	}
}

// BenchmarkLookup is what finding the line length costs per directory
// before the cache has it: a directory configuring nothing (six files
// missing) and one whose pyproject.toml configures Ruff. A file pass asks
// only when it lays out a fix (pyanalysis.Pass.LineLength).
func BenchmarkLookup(b *testing.B) {
	empty := b.TempDir()
	ruff := b.TempDir()
	if err := os.WriteFile(filepath.Join(ruff, "pyproject.toml"), []byte("[project]\nname = \"svc\"\n\n[tool.ruff]\nline-length = 100\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct{ name, dir string }{{"none", empty}, {"ruff", ruff}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				inDir(c.dir)
			}
		})
	}
}
