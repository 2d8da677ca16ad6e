// Package deployenv finds where a service's deployment sets an environment
// variable: the files that deploy it (a Dockerfile's ENV, App Engine's
// app.yaml env_variables, a Cloud Build or Cloud Run service.yaml, a
// Kubernetes manifest, a docker-compose file, a deploy script's
// `--set-env-vars` or `export`, a .env.example) in the service's directory
// or any directory above it up to the project's root, or in a deploy,
// k8s or manifests directory beside them. A fix that makes code read a
// variable needs the deployment to set it; a variable no such file names
// would be unset on merge.
package deployenv

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
)

// maxFileSize bounds what is read of a deployment file.
const maxFileSize = 1 << 20

// SetBy returns the path (relative to root, slash-separated) of the first
// deployment file, nearest first, in dir or a directory above it up to
// root that sets the environment variable name; "" when none does. dir and
// root are absolute; dir outside root is searched alone.
func SetBy(dir, root, name string) string {
	sets := setting(name)
	for d := filepath.Clean(dir); ; {
		for _, f := range files.of(d) {
			if sets.MatchString(f.text) {
				if rel, err := filepath.Rel(root, f.path); err == nil && !strings.HasPrefix(rel, "..") {
					return filepath.ToSlash(rel)
				}
				return f.path
			}
		}
		parent := filepath.Dir(d)
		if d == filepath.Clean(root) || parent == d || !within(parent, root) {
			return ""
		}
		d = parent
	}
}

func within(d, root string) bool {
	rel, err := filepath.Rel(root, d)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// setting matches a line that gives name a value: `ENV NAME value`,
// `NAME=value` (.env, scripts, --set-env-vars), `NAME: value` (app.yaml's
// env_variables, compose environment maps), `- name: NAME` (Kubernetes and
// Cloud Run env lists), `"NAME": ...` (JSON).
func setting(name string) *regexp.Regexp {
	q := regexp.QuoteMeta(name)
	return regexp.MustCompile(`(?m)(^\s*ENV\s+` + q + `\b|(^|[\s,'"=-])` + q + `['"]?\s*[=:]|\bname:\s*['"]?` + q + `['"]?\s*$)`)
}

// deployDirs are directories beside a service's files that hold its
// deployment.
var deployDirs = map[string]bool{"deploy": true, "deployment": true, "deployments": true, "k8s": true,
	"kubernetes": true, "manifests": true, "kube": true, "helm": true}

// isDeployFile: a file a deployment reads its settings from.
func isDeployFile(name string) bool {
	lower := strings.ToLower(name)
	switch {
	case lower == "dockerfile", strings.HasPrefix(lower, "dockerfile."), strings.HasSuffix(lower, ".dockerfile"),
		strings.HasSuffix(lower, ".yaml"), strings.HasSuffix(lower, ".yml"),
		lower == ".env" || strings.HasPrefix(lower, ".env.") || strings.HasSuffix(lower, ".env"),
		strings.HasSuffix(lower, ".sh"), lower == "makefile", lower == "procfile", lower == "fly.toml",
		strings.HasSuffix(lower, ".tf"), strings.HasSuffix(lower, ".tfvars"):
		return true
	}
	return false
}

type file struct{ path, text string }

// files caches each directory's deployment files.
var files = dirCache{byDir: map[string][]file{}}

type dirCache struct {
	mu    sync.Mutex
	byDir map[string][]file
}

func (c *dirCache) of(dir string) []file {
	c.mu.Lock()
	fs, ok := c.byDir[dir]
	c.mu.Unlock()
	if ok {
		return fs
	}
	fs = read(dir, true)
	c.mu.Lock()
	c.byDir[dir] = fs
	c.mu.Unlock()
	return fs
}

func read(dir string, sub bool) []file {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []file
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		if e.IsDir() {
			if sub && deployDirs[strings.ToLower(e.Name())] {
				out = append(out, read(p, false)...)
			}
			continue
		}
		if !e.Type().IsRegular() || !isDeployFile(e.Name()) {
			continue
		}
		if info, err := e.Info(); err != nil || info.Size() > maxFileSize {
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		out = append(out, file{path: p, text: string(b)})
	}
	return out
}
