package deploy

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// memListings keeps listings by directory and modification time, as the
// analysis cache's stat index does, and counts what the walk asked.
type memListings struct {
	kept       map[string]memListing
	hits, sets int
	noPlatform map[string]time.Time // SetNoPlatform's files, by path: their time
}

type memListing struct {
	mtime time.Time
	l     Listing
}

func (m *memListings) Listing(dir string, fi fs.FileInfo) (Listing, bool) {
	k, ok := m.kept[dir]
	if !ok || !k.mtime.Equal(fi.ModTime()) {
		return Listing{}, false
	}
	m.hits++
	return k.l, true
}

func (m *memListings) SetListing(dir string, fi fs.FileInfo, l Listing) {
	m.sets++
	m.kept[dir] = memListing{fi.ModTime(), l}
}

func (m *memListings) NoPlatform(path string, fi fs.FileInfo) bool {
	t, ok := m.noPlatform[path]
	return ok && t.Equal(fi.ModTime())
}

func (m *memListings) SetNoPlatform(path string, fi fs.FileInfo) {
	if m.noPlatform == nil {
		m.noPlatform = map[string]time.Time{}
	}
	m.noPlatform[path] = fi.ModTime()
}

// walked is the paths walkTree gives fn under root, relative to it.
func walked(r *Reader, root string) []string {
	var got []string
	r.walkTree(root, func(p string) {
		if r.read(p) != nil {
			rel, _ := filepath.Rel(root, p)
			got = append(got, filepath.ToSlash(rel))
		}
	})
	return got
}

// TestListingsKeptBetweenRuns: a Reader with Listings walks the repository
// as filepath.WalkDir would (the same deployment files in the same
// order), and a later Reader given the listings reads no directory whose
// modification time is the one its listing was kept under — while a
// deployment file added or removed in a directory (which changes its
// time) is seen, and the answer PlatformAuth gives follows it.
func TestListingsKeptBetweenRuns(t *testing.T) {
	root := project(t, map[string]string{
		"k8s/assistant.yaml": clusterIP, "src/assistant/main.py": "", "src/assistant/Dockerfile": "FROM python\n",
		"a.sh": "echo\n", "b/c/d/fly.toml": "", "node_modules/x/app.yaml": clusterIP, ".hidden/app.yaml": "",
		".github/workflows/ci.yml": "on: push\n", "docs/readme.md": "",
	})
	old := time.Now().Add(-time.Hour)
	age := func() {
		t.Helper()
		_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err == nil && d.IsDir() {
				if err := os.Chtimes(p, old, old); err != nil {
					t.Fatal(err)
				}
			}
			return err
		})
		old = old.Add(time.Minute)
	}
	age()
	want := []string{".github/workflows/ci.yml", "a.sh", "b/c/d/fly.toml", "k8s/assistant.yaml", "src/assistant/Dockerfile"}
	if got := walked(&Reader{}, root); !slices.Equal(got, want) {
		t.Fatalf("without listings: walked %q, want %q", got, want)
	}
	m := &memListings{kept: map[string]memListing{}}
	if got := walked(&Reader{Listings: m}, root); !slices.Equal(got, want) {
		t.Fatalf("first run: walked %q, want %q", got, want)
	}
	// root, .github, .github/workflows, b, b/c, b/c/d, docs, k8s, src, src/assistant
	if m.sets != 10 || m.hits != 0 {
		t.Fatalf("first run: %d listings kept, %d found; want 10 kept, none found", m.sets, m.hits)
	}
	m.sets = 0
	if got := walked(&Reader{Listings: m}, root); !slices.Equal(got, want) {
		t.Fatalf("second run: walked %q, want %q", got, want)
	}
	if m.sets != 0 || m.hits != 10 {
		t.Fatalf("second run: %d listings read again, %d found; want every one found", m.sets, m.hits)
	}
	auth := func() string {
		e := (&Reader{Listings: m}).PlatformAuth(filepath.Join(root, "src/assistant"))
		if e == nil {
			return ""
		}
		return e.File
	}
	if got := auth(); got != "k8s/assistant.yaml" {
		t.Fatalf("ClusterIP Service: PlatformAuth's file %q", got)
	}
	// A LoadBalancer added beside it: the k8s directory's time changes.
	if err := os.WriteFile(filepath.Join(root, "k8s/lb.yaml"), []byte(strings.Replace(clusterIP, "ClusterIP", "LoadBalancer", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := auth(); got != "" {
		t.Errorf("a LoadBalancer Service added: PlatformAuth still says %q", got)
	}
	age()
	if got := walked(&Reader{Listings: m}, root); !slices.Contains(got, "k8s/lb.yaml") {
		t.Errorf("after the add: walked %q, want k8s/lb.yaml in it", got)
	}
	if err := os.Remove(filepath.Join(root, "k8s/lb.yaml")); err != nil {
		t.Fatal(err)
	}
	if got := auth(); got != "k8s/assistant.yaml" {
		t.Errorf("the LoadBalancer removed: PlatformAuth's file %q, want k8s/assistant.yaml", got)
	}
	// A listing whose inode is not the directory's is not used.
	k := m.kept[filepath.Join(root, "k8s")]
	k.l.Ino++
	k.l.Names, k.l.Kinds = nil, nil
	m.kept[filepath.Join(root, "k8s")] = k
	fi, err := os.Lstat(filepath.Join(root, "k8s"))
	if err != nil {
		t.Fatal(err)
	}
	k.mtime = fi.ModTime()
	m.kept[filepath.Join(root, "k8s")] = k
	if inode(fi) != 0 {
		if got := auth(); got != "k8s/assistant.yaml" {
			t.Errorf("a listing kept for another inode was used: PlatformAuth's file %q", got)
		}
	}
}

// TestNoPlatformFilesNotReadAgain: the platform's walk marks the
// deployment files whose text it has no use for, and a later run does not
// read them while their time is the one marked; one written since (a CI
// file that now deploys the service with --no-allow-unauthenticated) is
// read, and PlatformAuth sees it.
func TestNoPlatformFilesNotReadAgain(t *testing.T) {
	root := project(t, map[string]string{
		"k8s/assistant.yaml": clusterIP, "src/assistant/main.py": "", "pnpm-lock.yaml": "lockfileVersion: '9.0'\n",
		".github/workflows/ci.yml": "on: push\n", "infra/run.tf": "# nothing yet\n",
	})
	m := &memListings{kept: map[string]memListing{}}
	if e := (&Reader{Listings: m}).PlatformAuth(filepath.Join(root, "src/billing")); e != nil {
		t.Fatalf("billing: %+v, want none", e)
	}
	var marked []string
	for p := range m.noPlatform {
		rel, _ := filepath.Rel(root, p)
		marked = append(marked, filepath.ToSlash(rel))
	}
	slices.Sort(marked)
	if want := []string{".github/workflows/ci.yml", "pnpm-lock.yaml"}; !slices.Equal(marked, want) {
		t.Fatalf("marked %q, want %q (a manifest and Terraform are the platform's)", marked, want)
	}
	r := &Reader{Listings: m}
	r.PlatformAuth(filepath.Join(root, "src/billing"))
	for _, rel := range []string{"pnpm-lock.yaml", ".github/workflows/ci.yml"} {
		if _, read := r.files[filepath.Join(root, rel)]; read {
			t.Errorf("%s read again while unchanged", rel)
		}
	}
	if _, read := r.files[filepath.Join(root, "k8s/assistant.yaml")]; !read {
		t.Error("k8s/assistant.yaml not read: the manifests are read every run")
	}
	ci := filepath.Join(root, ".github/workflows/ci.yml")
	if err := os.WriteFile(ci, []byte("run: gcloud run deploy billing --no-allow-unauthenticated\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Minute)
	if err := os.Chtimes(ci, later, later); err != nil {
		t.Fatal(err)
	}
	if e := (&Reader{Listings: m}).PlatformAuth(filepath.Join(root, "src/billing")); e == nil || e.File != ".github/workflows/ci.yml" {
		t.Errorf("the CI file now deploys billing without unauthenticated calls: PlatformAuth %+v", e)
	}
}

// TestServiceFilesFromListings: a service's own deployment (EnvSetBy,
// EnvKey) is read from the kept listings as from the directories — its
// directory's files, its deployDirs', those above it, regular files only —
// and a file added since (its directory's time changes) is seen.
func TestServiceFilesFromListings(t *testing.T) {
	root := project(t, map[string]string{
		"svc/main.py": "", "svc/K8s/deployment.yaml": "env:\n  - name: ALLOWED_ORIGINS\n    value: https://a.example\n",
		"Dockerfile": "FROM python\n", "svc/.env.example": "PORT=1\n",
	})
	if err := os.Symlink(filepath.Join(root, "Dockerfile"), filepath.Join(root, "svc/Dockerfile")); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	for _, d := range []string{"", "svc", "svc/K8s"} {
		if err := os.Chtimes(filepath.Join(root, d), old, old); err != nil {
			t.Fatal(err)
		}
	}
	svc := filepath.Join(root, "svc")
	files := func(r *Reader) []string {
		var out []string
		for _, d := range chain(svc, root) {
			for _, f := range r.serviceFiles(d) {
				rel, _ := filepath.Rel(root, f.path)
				out = append(out, filepath.ToSlash(rel))
			}
		}
		return out
	}
	want := files(&Reader{}) // as the directories say
	if w := []string{"svc/.env.example", "svc/K8s/deployment.yaml", "Dockerfile"}; !slices.Equal(want, w) {
		t.Fatalf("without listings: %q, want %q (the link is no service file)", want, w)
	}
	m := &memListings{kept: map[string]memListing{}}
	key := (&Reader{Listings: m}).EnvKey(svc, root)
	m.hits = 0
	r := &Reader{Listings: m}
	if got := files(r); !slices.Equal(got, want) || m.hits != 3 {
		t.Fatalf("from the listings: %q (%d listings found), want %q from 3", got, m.hits, want)
	}
	if k := (&Reader{Listings: m}).EnvKey(svc, root); k != key {
		t.Error("EnvKey changed with nothing changed")
	}
	if got := (&Reader{Listings: m}).EnvSetBy(svc, root, "ALLOWED_ORIGINS"); got != "svc/K8s/deployment.yaml" {
		t.Errorf("EnvSetBy from the listings: %q", got)
	}
	if err := os.WriteFile(filepath.Join(root, "svc/app.yaml"), []byte("env_variables:\n  OTHER: x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if k := (&Reader{Listings: m}).EnvKey(svc, root); k == key {
		t.Error("EnvKey unchanged after app.yaml was added to the service's directory")
	}
}
