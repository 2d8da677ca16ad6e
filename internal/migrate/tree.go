package migrate

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// maxArchive bounds a repository's archive (compressed) and what it
// expands to.
const maxArchive = 1 << 30

// extract expands a GitHub tarball into dir (the files below its single
// top-level directory), returning the commit SHA git archive recorded in
// the pax header ("" when absent) and the executable files. Symbolic links,
// devices and paths that would leave dir are not written.
func extract(data []byte, dir string) (sha string, exec map[string]bool, err error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return "", nil, fmt.Errorf("reading the archive: %v", err)
	}
	tr := tar.NewReader(zr)
	exec = map[string]bool{}
	var total int64
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", nil, fmt.Errorf("reading the archive: %v", err)
		}
		if h.Typeflag == tar.TypeXGlobalHeader {
			if c := h.PAXRecords["comment"]; len(c) == 40 {
				sha = c
			}
			continue
		}
		if h.Typeflag != tar.TypeReg {
			continue
		}
		_, rel, ok := strings.Cut(h.Name, "/")
		rel = path.Clean(rel)
		if !ok || rel == "." || strings.HasPrefix(rel, "../") || rel == ".." || path.IsAbs(rel) {
			continue
		}
		total += h.Size
		if total > maxArchive {
			return "", nil, fmt.Errorf("the repository expands to more than %d bytes", maxArchive)
		}
		dst := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(dst), 0o700); err != nil {
			return "", nil, err
		}
		f, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_EXCL, 0o600)
		if err != nil {
			return "", nil, err
		}
		_, err = io.Copy(f, io.LimitReader(tr, h.Size))
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return "", nil, err
		}
		if h.Mode&0o111 != 0 {
			exec[rel] = true
		}
	}
	return sha, exec, nil
}

// Service is a deployable unit of a repository: one pull request each.
type Service struct {
	Dir  string `json:"dir"`  // slash-separated, "." for the repository root
	Slug string `json:"slug"` // one branch-name component
}

var (
	pyApp  = regexp.MustCompile(`(?m)\b(FastAPI|Flask|Starlette|Quart)\s*\(`)
	goMain = regexp.MustCompile(`(?m)^package main\b[\s\S]*^func main\(\)`)
	// skipDirs are never services (fixtures, templates, tooling).
	skipDirs = map[string]bool{".git": true, "node_modules": true, "vendor": true, "testdata": true, "__pycache__": true, ".venv": true, "venv": true, "site-packages": true}
)

// findServices lists the services of the tree at root.
func findServices(root string, globs []string, detect bool) ([]Service, error) {
	dirs := map[string]bool{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if rel != "." && (skipDirs[d.Name()] || strings.HasPrefix(d.Name(), ".")) {
				return filepath.SkipDir
			}
			for _, g := range globs {
				if ok, _ := path.Match(g, rel); ok {
					dirs[rel] = true
				}
			}
			return nil
		}
		if !detect || dirs[path.Dir(rel)] {
			return nil
		}
		name := d.Name()
		isPy := strings.HasSuffix(name, ".py")
		isGo := strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go")
		if !isPy && !isGo {
			return nil
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if (isPy && pyApp.Match(src)) || (isGo && goMain.Match(src)) {
			dirs[path.Dir(rel)] = true
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(dirs) == 0 {
		dirs["."] = true
	}
	var out []Service
	for d := range dirs {
		out = append(out, Service{Dir: d})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Dir < out[j].Dir })
	slugs := map[string]int{}
	for i := range out {
		s := slugOf(out[i].Dir)
		out[i].Slug = s
		slugs[s]++
	}
	for i := range out {
		if slugs[out[i].Slug] > 1 {
			out[i].Slug += "-" + shortHash(out[i].Dir)
		}
	}
	return out, nil
}

// refUnsafe is what git check-ref-format refuses in a component: control
// characters, space, ~ ^ : ? * [ \, "..", "@{" (and "/" between them).
var refUnsafe = regexp.MustCompile(`[\x00-\x20\x7f~^:?*\[\\/]+|\.\.+|@\{|-{2,}`)

// slugOf makes a service directory one component of a branch name that
// git accepts ("services/billing api" → "services-billing-api"; "." →
// "root"): no spaces or characters git refuses, no "..", no trailing "."
// or ".lock". Two directories that come out the same get a hash suffix
// (findServices).
func slugOf(dir string) string {
	if dir == "." {
		return "root"
	}
	s := refUnsafe.ReplaceAllString(dir, "-")
	s = refUnsafe.ReplaceAllString(s, "-") // dashes the first pass put together
	s = strings.TrimSuffix(strings.Trim(s, "-."), ".lock")
	if s = strings.Trim(s, "-."); s == "" {
		return "svc-" + shortHash(dir)
	}
	return s
}

// serviceOf is the deepest service whose directory holds path; files
// outside every service belong to the root service ".", created on demand.
func serviceOf(services []Service, p string) Service {
	best := -1
	for i, s := range services {
		if s.Dir == "." || p == s.Dir || strings.HasPrefix(p, s.Dir+"/") {
			if best < 0 || len(s.Dir) > len(services[best].Dir) || services[best].Dir == "." {
				best = i
			}
		}
	}
	if best >= 0 {
		return services[best]
	}
	return Service{Dir: ".", Slug: "root"}
}
