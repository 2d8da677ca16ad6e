package deploy

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// Service is the deployment of the service whose code is in a directory,
// bounded by its project's root: what a rule asks about a file's
// deployment. A nil *Service is an unknown deployment (a file analysed in
// memory).
type Service struct {
	r         *Reader
	dir, root string
}

// Service returns the deployment of the code in dir (absolute), whose
// own deployment files are looked for up to root (absolute; dir outside
// root is searched alone).
func (r *Reader) Service(dir, root string) *Service {
	return &Service{r: r, dir: filepath.Clean(dir), root: filepath.Clean(root)}
}

// PlatformAuth is Reader.PlatformAuth of the service's directory.
func (s *Service) PlatformAuth() *Evidence { return s.r.PlatformAuth(s.dir) }

// EnvSetBy is Reader.EnvSetBy of the service's directory and root.
func (s *Service) EnvSetBy(name string) string { return s.r.EnvSetBy(s.dir, s.root, name) }

// Key is Reader.EnvKey of the service's directory and root.
func (s *Service) Key() Key { return s.r.EnvKey(s.dir, s.root) }

// EnvSetBy returns the path (relative to root, slash-separated) of the
// first deployment file, nearest first, in dir or a directory above it up
// to root that sets the environment variable name — a Dockerfile's ENV,
// App Engine's app.yaml env_variables, a Cloud Build or Cloud Run
// service.yaml, a Kubernetes manifest, a docker-compose file, a deploy
// script's `--set-env-vars` or `export`, a .env.example —; "" when none
// does. A fix that makes code read a variable needs the deployment to set
// it; a variable no such file names would be unset on merge.
func (r *Reader) EnvSetBy(dir, root, name string) string {
	sets := setting(name)
	for _, d := range chain(dir, root) {
		for _, f := range r.serviceFiles(d) {
			if sets.Match(f.text) {
				if rel, err := filepath.Rel(root, f.path); err == nil && !strings.HasPrefix(rel, "..") {
					return filepath.ToSlash(rel)
				}
				return f.path
			}
		}
	}
	return ""
}

// chain is dir and each directory above it up to root, nearest first;
// dir alone when it is not within root.
func chain(dir, root string) []string {
	root = filepath.Clean(root)
	var out []string
	for d := filepath.Clean(dir); ; {
		out = append(out, d)
		parent := filepath.Dir(d)
		if d == root || parent == d || !within(parent, root) {
			return out
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

// serviceFiles are the deployment files of the directory dir and of its
// deployDirs sub-directories, in name order.
func (r *Reader) serviceFiles(dir string) []*file {
	r.mu.Lock()
	defer r.mu.Unlock()
	if fs, ok := r.dirs[dir]; ok {
		return fs
	}
	if r.dirs == nil {
		r.dirs = map[string][]*file{}
	}
	fs := r.listDir(dir, true)
	r.dirs[dir] = fs
	return fs
}

func (r *Reader) listDir(dir string, sub bool) []*file {
	fi, err := os.Stat(dir)
	if err != nil || !fi.IsDir() {
		return nil
	}
	l, err := r.listing(dir, fi)
	if err != nil {
		return nil
	}
	var out []*file
	for i, name := range l.Names {
		p := filepath.Join(dir, name)
		switch l.Kinds[i] {
		case entryDir:
			if sub && deployDirs[strings.ToLower(name)] {
				out = append(out, r.listDir(p, false)...)
			}
		case entryFile:
			if f := r.read(p); f != nil {
				out = append(out, f)
			}
		}
	}
	return out
}

// Key identifies what EnvSetBy reads for a directory and root.
type Key [32]byte

// EnvKey hashes the path and content of every deployment file EnvSetBy
// reads for dir and root, whatever the variable: the same key, the same
// answers. A file added, removed or edited there changes it (an analysis
// cache keys the results that read the deployment with it).
func (r *Reader) EnvKey(dir, root string) Key {
	root = filepath.Clean(root)
	dir = filepath.Clean(dir)
	r.mu.Lock()
	k, ok := r.keys[[2]string{dir, root}]
	r.mu.Unlock()
	if ok {
		return k
	}
	h := sha256.New()
	for _, d := range chain(dir, root) {
		for _, f := range r.serviceFiles(d) {
			h.Write([]byte(f.path))
			h.Write([]byte{0})
			h.Write(f.hash()[:])
		}
		h.Write([]byte{1})
	}
	h.Sum(k[:0])
	r.mu.Lock()
	if r.keys == nil {
		r.keys = map[[2]string]Key{}
	}
	r.keys[[2]string{dir, root}] = k
	r.mu.Unlock()
	return k
}

// TreeKey hashes the path and content of every deployment file under root
// that the repository walk finds (hidden directories but .github, and
// skipDirs, left out): a key for results of a whole run whose files are
// not known in advance (the --new-from-rev base's findings).
func (r *Reader) TreeKey(root string) Key {
	h := sha256.New()
	r.mu.Lock()
	r.walkTree(filepath.Clean(root), func(p string) {
		if f := r.read(p); f != nil {
			h.Write([]byte(f.path))
			h.Write([]byte{0})
			h.Write(f.hash()[:])
		}
	})
	r.mu.Unlock()
	var k Key
	h.Sum(k[:0])
	return k
}
