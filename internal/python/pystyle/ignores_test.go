package pystyle

import (
	"path/filepath"
	"slices"
	"testing"
)

func TestIgnoredCodes(t *testing.T) {
	for _, c := range []struct {
		name  string
		files map[string]string // relative path → content
		file  string            // the Python file, relative
		want  []string
	}{
		{"nothing configured", map[string]string{"README": "x"}, "pkg/a.py", nil},
		{"ruff lint per-file-ignores, a directory glob", map[string]string{"pyproject.toml": "[tool.ruff.lint.per-file-ignores]\n\"scripts/*\" = [\"T201\"]\n"}, "scripts/seed.py", []string{"T201"}},
		{"`*` crosses directories, as globset's does", map[string]string{"pyproject.toml": "[tool.ruff.lint.per-file-ignores]\n\"scripts/*\" = [\"T201\"]\n"}, "scripts/db/seed.py", []string{"T201"}},
		{"another directory", map[string]string{"pyproject.toml": "[tool.ruff.lint.per-file-ignores]\n\"scripts/*\" = [\"T201\"]\n"}, "app/main.py", nil},
		{"a file name matches anywhere", map[string]string{"pyproject.toml": "[tool.ruff.per-file-ignores]\n\"cli.py\" = [\"T20\"]\n"}, "pkg/sub/cli.py", []string{"T20"}},
		{"relative to the configuration's directory", map[string]string{"svc/pyproject.toml": "[tool.ruff.lint.extend-per-file-ignores]\n\"tools/**/*.py\" = [\"T2\"]\n"}, "svc/tools/x/gen.py", []string{"T2"}},
		{"not relative to a directory above it", map[string]string{"svc/pyproject.toml": "[tool.ruff.lint.per-file-ignores]\n\"svc/tools/*\" = [\"T201\"]\n"}, "svc/tools/gen.py", nil},
		{"negated", map[string]string{"ruff.toml": "[lint.per-file-ignores]\n\"!src/**\" = [\"T201\"]\n"}, "notebooks/a.py", []string{"T201"}},
		{"negated, matching", map[string]string{"ruff.toml": "[lint.per-file-ignores]\n\"!src/**\" = [\"T201\"]\n"}, "src/a.py", nil},
		{"alternatives", map[string]string{".ruff.toml": "[lint.per-file-ignores]\n\"**/{tests,docs}/*\" = [\"T201\"]\n"}, "pkg/docs/conf.py", []string{"T201"}},
		{"ignore and extend-ignore apply everywhere", map[string]string{"pyproject.toml": "[tool.ruff]\nextend-ignore = [\"E501\"]\n[tool.ruff.lint]\nignore = [\"T201\"]\n"}, "a/b.py", []string{"E501", "T201"}},
		{"the nearest ruff configuration governs", map[string]string{"pyproject.toml": "[tool.ruff.lint]\nignore = [\"T201\"]\n", "svc/ruff.toml": "[lint]\nselect = [\"T20\"]\n"}, "svc/a.py", nil},
		{"a pyproject without ruff is passed over", map[string]string{"pyproject.toml": "[tool.ruff.lint]\nignore = [\"T201\"]\n", "svc/pyproject.toml": "[project]\nname = \"svc\"\n"}, "svc/a.py", []string{"T201"}},
		{"flake8 per-file-ignores in setup.cfg", map[string]string{"setup.cfg": "[flake8]\nper-file-ignores =\n    scripts/*.py: T201, T203\n    __init__.py:F401\n"}, "scripts/run.py", []string{"T201", "T203"}},
		{"flake8, several patterns for one list", map[string]string{".flake8": "[flake8]\nper-file-ignores = tools/*,bin/*:T001\n"}, "bin/x.py", []string{"T001"}},
		{"flake8, another file", map[string]string{"tox.ini": "[flake8]\nper-file-ignores =\n    scripts/*.py: T201\n"}, "app/x.py", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			root := t.TempDir()
			for p, content := range c.files {
				write(t, filepath.Join(root, filepath.Dir(p)), filepath.Base(p), content)
			}
			got := IgnoredCodes(filepath.Join(root, filepath.FromSlash(c.file)))
			slices.Sort(got)
			if !slices.Equal(got, c.want) {
				t.Errorf("IgnoredCodes(%s) = %v, want %v", c.file, got, c.want)
			}
		})
	}
}
