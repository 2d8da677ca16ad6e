package migrate

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/xynergy/xylint/analyzers/toolset"
	"github.com/xynergy/xylint/internal/github/ghclient"
	"github.com/xynergy/xylint/internal/github/ghfake"
)

const canary = "ghp_CANARY0123456789abcdefghijklmnopqrstuv"

type world struct {
	t     *testing.T
	fake  *ghfake.Server
	c     *Campaign
	repos []string
	logs  strings.Builder
}

func platformFiles(t *testing.T) map[string]string {
	t.Helper()
	files, err := ghfake.ReadDir(filepath.Join("..", "..", "testdata", "platform"))
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// newWorld serves the sample platform as one repository, or split into
// three (services, the Go services, and the rest with shared/ copied
// into each).
func newWorld(t *testing.T, split bool, mod func(*Campaign)) *world {
	t.Helper()
	return newWorldWith(t, split, ghfake.Options{}, mod)
}

// newWorldWith is newWorld with options for the fake (the canary token is
// always accepted).
func newWorldWith(t *testing.T, split bool, fo ghfake.Options, mod func(*Campaign)) *world {
	t.Helper()
	if fo.Tokens == nil {
		fo.Tokens = map[string]string{}
	}
	fo.Tokens[canary] = "xylint-bot"
	fake := ghfake.New(fo)
	t.Cleanup(fake.Close)
	files := platformFiles(t)
	w := &world{t: t, fake: fake}
	if !split {
		fake.AddRepo("xynergy", "platform", files)
		w.repos = []string{"xynergy/platform"}
	} else {
		parts := map[string]map[string]string{"marketing": {}, "analytics": {}, "go-services": {}}
		for p, c := range files {
			switch {
			case strings.HasPrefix(p, "go-services/"):
				parts["go-services"][p] = c
			case strings.HasPrefix(p, "marketing-engine/") || strings.HasPrefix(p, "content-hub/") || strings.HasPrefix(p, "ai-"):
				parts["marketing"][p] = c
			case strings.HasPrefix(p, "shared/") || p == "pyproject.toml":
				parts["marketing"][p] = c
				parts["analytics"][p] = c
			default:
				parts["analytics"][p] = c
			}
		}
		for _, name := range []string{"analytics", "go-services", "marketing"} {
			fake.AddRepo("xynergy", name, parts[name])
			w.repos = append(w.repos, "xynergy/"+name)
		}
	}
	w.c = &Campaign{Name: "clients", Repos: w.repos, Labels: []string{"tech-debt"}, Reviewers: []string{"alice"}}
	if mod != nil {
		mod(w.c)
	}
	if err := w.c.finish(); err != nil {
		t.Fatal(err)
	}
	return w
}

func (w *world) client(mod func(*ghclient.Options)) *ghclient.Client {
	// The attempt timeout is real time: long enough that a loaded CI
	// machine never turns a slow answer into a retried write (which changes
	// the number of writes a run makes, and TestInterruptedRunIsRepaired
	// counts them). Tests of timeouts set their own, short one.
	o := ghclient.Options{BaseURL: w.fake.URL, Token: canary, Clock: w.fake.Clock, Timeout: 15 * time.Second,
		Logf: func(f string, a ...any) { w.logs.WriteString(strings.TrimSpace(f) + "\n") }}
	if mod != nil {
		mod(&o)
	}
	c, err := ghclient.New(o)
	if err != nil {
		w.t.Fatal(err)
	}
	return c
}

// execWith runs with a client of its own options and returns the report,
// errors included (a run with faults).
func (w *world) execWith(mode Mode, mod func(*ghclient.Options)) *Report {
	w.t.Helper()
	rep, err := Execute(context.Background(), Options{Campaign: w.c, Toolset: toolset.Default(), Mode: mode, Client: w.client(mod), Clock: w.fake.Clock, Dashboard: true})
	if err != nil {
		return &Report{}
	}
	return rep
}

func (w *world) exec(mode Mode, mod func(*Options)) *Report {
	w.t.Helper()
	o := Options{Campaign: w.c, Toolset: toolset.Default(), Mode: mode, Client: w.client(nil), Clock: w.fake.Clock, Dashboard: true}
	if mod != nil {
		mod(&o)
	}
	rep, err := Execute(context.Background(), o)
	if err != nil {
		w.t.Fatal(err)
	}
	return rep
}

// useMemo reuses analyses of the same commit for the rest of the test (the
// tests that run the campaign hundreds of times).
func useMemo(t *testing.T) {
	memo.Lock()
	memo.on = true
	memo.Unlock()
	t.Cleanup(func() { memo.Lock(); memo.on, memo.m = false, nil; memo.Unlock() })
}

// writes counts the mutating requests since the log was reset.
func (w *world) writes() int { _, n := w.fake.Counts(); return n }

func reportErrors(rep *Report) []string {
	var errs []string
	for _, rr := range rep.Repos {
		if rr.Error != "" {
			errs = append(errs, rr.Repo+": "+rr.Error)
		}
		for _, s := range rr.Services {
			if s.Error != "" {
				errs = append(errs, rr.Repo+" "+s.Service+": "+s.Error)
			}
		}
	}
	return errs
}

// state is what a campaign left in GitHub, comparable across runs (commit
// SHAs and times differ; contents, PRs and labels must not).
func (w *world) state() string {
	var lines []string
	for _, full := range w.repos {
		owner, name, _ := strings.Cut(full, "/")
		for _, ref := range w.fake.Refs(owner, name, "heads/") {
			branch := strings.TrimPrefix(ref, "heads/")
			files := w.fake.Files(owner, name, branch)
			var keys []string
			for p := range files {
				keys = append(keys, p)
			}
			sort.Strings(keys)
			h := ""
			for _, k := range keys {
				h += k + "\x00" + files[k] + "\x00"
			}
			lines = append(lines, full+" branch "+branch+" "+shortHash(h))
		}
		for _, p := range w.fake.PRs(owner, name) {
			labels := append([]string(nil), p.Labels...)
			sort.Strings(labels)
			lines = append(lines, fmt.Sprintf("%s pr %s %s labels=%s reviewers=%s comments=%d", full, p.Head, p.State,
				strings.Join(labels, ","), strings.Join(p.Reviewers, ","), len(p.Comments)))
		}
		for _, is := range w.fake.Issues(owner, name) {
			lines = append(lines, full+" issue "+is.Title+" "+is.State)
		}
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

func pyCompile(t *testing.T, files map[string]string) {
	t.Helper()
	dir := t.TempDir()
	var paths []string
	for p, c := range files {
		if !strings.HasSuffix(p, ".py") || strings.Contains(p, "{{") {
			continue
		}
		dst := filepath.Join(dir, p)
		os.MkdirAll(filepath.Dir(dst), 0o755)
		os.WriteFile(dst, []byte(c), 0o644)
		paths = append(paths, dst)
	}
	if len(paths) == 0 {
		return
	}
	out, err := exec.Command("python3", append([]string{"-m", "py_compile"}, paths...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("py_compile: %v\n%s", err, out)
	}
}
