// Package deploy reads what a project's deployment files say about a
// service: how the platform in front of it is set up, and what
// environment it gives the code. Code does not show that a Cloud Run
// service refuses unauthenticated calls, that a Kubernetes workload is
// reachable only inside its cluster, that a Cloud Endpoints gateway checks
// an API key before a request reaches the handler, or that the variable a
// fix would read is set; the files that deploy it do. Rules read this
// package so that a finding about the code can say what the deployment
// already provides (XY002: a route the platform authenticates is a note,
// naming the file) and a fix is offered only where the deployment gives
// what it reads (XY001: the origins' variable).
//
// It is plain Go (no cgo): Go analyzers import it as Python rules do. One
// rule finds the deployment files (isDeployFile: Dockerfiles, YAML,
// shell scripts, Makefiles, Procfile, fly.toml, .env files, Terraform),
// each read at most once per Reader, at most maxFile bytes (a larger or
// unreadable file is as if absent). They are read line by line for the
// few keys that matter, not parsed whole: a file that does not parse, or
// does not say it plainly, says nothing. Where the files are looked for:
//
//   - a service's own deployment (Service, Reader.EnvSetBy): the files of
//     its directory and of each directory above it up to the project's
//     root, with those of a deploy, k8s, manifests (deployDirs) directory
//     beside them;
//   - the platform in front of it (Reader.PlatformAuth): an OpenAPI spec
//     in its directory, and the deployment files of the whole repository
//     (Root), matched to the service by name.
//
// The drivers make one Reader per run and hand rules a Service (Python:
// pyanalysis.Pass.Deployment, ProjectPass.Deployment); Go analyzers, which
// also run under go vet, read Default.
package deploy

import (
	"crypto/sha256"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// maxFile bounds the size of a deployment file read.
const maxFile = 1 << 20

// Evidence is what a deployment file says about a service: the file (its
// path as found) and what it shows.
type Evidence struct {
	File string
	What string
}

// Reader reads deployment files and remembers what it read: a run's
// cache of them (a file changed during the run is seen as it was first
// read). It is safe for concurrent use. The zero value is ready.
type Reader struct {
	mu    sync.Mutex
	files map[string]*file     // by absolute path; nil: unreadable or too large
	dirs  map[string][]*file   // a service directory's files (serviceFiles)
	keys  map[[2]string]Key    // EnvKey's, by directory and root
	roots map[string]*rootTree // by repository root
	specs map[string]string
	auth  map[string]*Evidence // PlatformAuth's answers, by absolute directory

	// Listings, when set before the reader is first used, keeps the
	// directory listings of its repository walks between runs.
	Listings Listings
}

// New returns a Reader: a run's.
func New() *Reader { return &Reader{} }

// Default is the reader of the Go analyzers in a process (go vet and
// golangci-lint run them without xylint's driver).
var Default = &Reader{}

type file struct {
	path string
	text []byte
	once sync.Once
	sum  [32]byte // of text, once hash is asked
}

// hash is the SHA-256 of the file's text: computed when first asked (the
// keys ask it of a service's own files; the repository walk's files are
// read for their text only).
func (f *file) hash() *[32]byte {
	f.once.Do(func() { f.sum = sha256.Sum256(f.text) })
	return &f.sum
}

// isDeployFile: a file a deployment is described in.
func isDeployFile(name string) bool {
	lower := strings.ToLower(name)
	switch {
	case lower == "dockerfile", strings.HasPrefix(lower, "dockerfile."), strings.HasSuffix(lower, ".dockerfile"),
		strings.HasSuffix(lower, ".yaml"), strings.HasSuffix(lower, ".yml"),
		lower == ".env" || strings.HasPrefix(lower, ".env.") || strings.HasSuffix(lower, ".env"),
		strings.HasSuffix(lower, ".sh"), strings.HasSuffix(lower, ".bash"), lower == "makefile",
		lower == "procfile", lower == "fly.toml",
		strings.HasSuffix(lower, ".tf"), strings.HasSuffix(lower, ".tfvars"):
		return true
	}
	return false
}

// read returns the file at path (absolute) as this reader first read it,
// or nil when it is not a regular file, is unreadable or is larger than
// maxFile. r.mu is held.
func (r *Reader) read(path string) *file {
	if f, ok := r.files[path]; ok {
		return f
	}
	if r.files == nil {
		r.files = map[string]*file{}
	}
	f := readFile(path)
	r.files[path] = f
	return f
}

// readFile reads the file at path, or returns nil when it is not a regular
// file, is unreadable or is larger than maxFile.
func readFile(path string) *file {
	if info, err := os.Stat(path); err == nil && info.Mode().IsRegular() && info.Size() <= maxFile {
		if b, err := os.ReadFile(path); err == nil && len(b) <= maxFile {
			return &file{path: path, text: b}
		}
	}
	return nil
}

// Root is the repository root of the directory dir: the nearest
// directory at or above it that holds `.git` or a `.github` directory (a
// copy of a repository without its history still has that), else dir
// itself.
func Root(dir string) string {
	d, _ := filepath.Abs(dir)
	for p := d; ; {
		if _, err := os.Stat(filepath.Join(p, ".git")); err == nil {
			return p
		}
		if st, err := os.Stat(filepath.Join(p, ".github")); err == nil && st.IsDir() {
			return p
		}
		up := filepath.Dir(p)
		if up == p {
			return d
		}
		p = up
	}
}

// skipDirs are directories no deployment file of the project is in.
var skipDirs = map[string]bool{".git": true, "node_modules": true, "vendor": true, "__pycache__": true,
	".venv": true, "venv": true, "site-packages": true}

// walkTree calls fn with the path of each deployment file under root,
// hidden and skipDirs directories left out, in filepath.WalkDir's order.
// A directory's listing comes from r.Listings when it has one for the
// directory as it is now, else from reading the directory (and is then
// given to r.Listings).
func (r *Reader) walkTree(root string, fn func(path string)) {
	fi, err := os.Lstat(root)
	switch {
	case err != nil:
	case fi.IsDir():
		r.walkDir(root, fi, fn)
	case isDeployFile(fi.Name()):
		fn(root)
	}
}

func (r *Reader) walkDir(dir string, fi fs.FileInfo, fn func(string)) {
	l, _ := r.listing(dir, fi) // what was read of an unreadable directory, as WalkDir
	for i, name := range l.Names {
		p := filepath.Join(dir, name)
		if l.Kinds[i] != entryDir {
			fn(p)
			continue
		}
		if sub, err := os.Lstat(p); err == nil && sub.IsDir() {
			r.walkDir(p, sub, fn)
		}
	}
}

// Listings keeps what the deployment walk saw in each directory between
// runs (pyproducer keeps them in the analysis cache), so that a run after
// the first stats a directory instead of reading it: a repository root's
// walk reads every directory of the repository (963 of them in polar's,
// for its server/ alone), and each read is several system calls.
// Listing returns the listing kept for the directory dir as fi (its
// Lstat) describes it now, if one was kept for it as it is: adding,
// removing or renaming an entry changes a directory's modification time,
// so a listing kept under an older one is not returned. SetListing keeps
// the listing of dir as fi describes it (an implementation does not keep
// one whose modification time is too recent to tell a later change by).
//
// NoPlatform reports whether the deployment file at path, as fi (its
// Stat) describes it now, was marked by SetNoPlatform as it was then: a
// file whose text says nothing PlatformAuth reads (no Kubernetes document,
// no Terraform, no --no-allow-unauthenticated: a pnpm-lock.yaml, a CI
// workflow), which the walk then need not read again (polar's lock files
// are 1.8 of the 2.6 MB it read).
type Listings interface {
	Listing(dir string, fi fs.FileInfo) (Listing, bool)
	SetListing(dir string, fi fs.FileInfo, l Listing)
	NoPlatform(path string, fi fs.FileInfo) bool
	SetNoPlatform(path string, fi fs.FileInfo)
}

// Listing is what the walks keep of a directory: the entries they go on
// to, by name in the directory's order — the sub-directories the
// repository walk enters (not hidden but .github, not skipDirs: a
// service's deployDirs among them) and the deployment files (Kinds[i]:
// entryDir, entryFile for a regular file, entryOther for a link or
// another kind of file) — and the directory's inode (0 where not known),
// which a listing is checked against: a directory moved in place of
// another keeps its own times.
type Listing struct {
	Ino   uint64
	Names []string
	Kinds []byte
}

// The kinds of a Listing's entries.
const (
	entryDir   = 'd'
	entryFile  = 'f'
	entryOther = 'o'
)

// listing is the listing of dir (fi its Stat or Lstat): r.Listings's when
// it holds one for it, else read (with what could be read of it and why
// not the rest when reading failed).
func (r *Reader) listing(dir string, fi fs.FileInfo) (Listing, error) {
	ino := inode(fi)
	if r.Listings != nil {
		if l, ok := r.Listings.Listing(dir, fi); ok && l.Ino == ino && len(l.Names) == len(l.Kinds) {
			return l, nil
		}
	}
	entries, err := os.ReadDir(dir)
	l := Listing{Ino: ino}
	for _, e := range entries {
		name := e.Name()
		switch {
		case e.IsDir():
			if skipDirs[name] || strings.HasPrefix(name, ".") && name != ".github" {
				continue
			}
			l.Names, l.Kinds = append(l.Names, name), append(l.Kinds, entryDir)
		case isDeployFile(name):
			k := byte(entryOther)
			if e.Type().IsRegular() {
				k = entryFile
			}
			l.Names, l.Kinds = append(l.Names, name), append(l.Kinds, k)
		}
	}
	if err == nil && r.Listings != nil {
		r.Listings.SetListing(dir, fi, l)
	}
	return l, err
}
