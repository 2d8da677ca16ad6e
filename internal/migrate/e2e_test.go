package migrate

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xynergy/xylint/analyzers/toolset"
	"github.com/xynergy/xylint/internal/github/ghfake"
)

func TestPlanWritesNothing(t *testing.T) {
	w := newWorld(t, false, nil)
	rep := w.exec(Plan, func(o *Options) { o.Diffs = true })
	if errs := reportErrors(rep); len(errs) > 0 {
		t.Fatal(errs)
	}
	if n := w.writes(); n != 0 {
		t.Fatalf("plan made %d write requests", n)
	}
	would := 0
	for _, s := range rep.Repos[0].Services {
		if s.Action == "would open a pull request" {
			would++
			if !strings.Contains(s.Diff, "+++ b/"+s.Service+"/") {
				t.Errorf("%s: diff %q", s.Service, s.Diff)
			}
		}
	}
	if would == 0 {
		t.Fatalf("plan would open no pull request: %+v", rep.Repos[0].Services)
	}
}

func TestRunOpensOnePRPerServiceThenNothing(t *testing.T) {
	for _, split := range []bool{false, true} {
		name := "one repository"
		if split {
			name = "three repositories"
		}
		t.Run(name, func(t *testing.T) {
			w := newWorld(t, split, nil)
			rep := w.exec(Run, nil)
			if errs := reportErrors(rep); len(errs) > 0 {
				t.Fatal(errs)
			}
			// Every service whose fix changes files has one PR with
			// exactly what `xylint fix` writes locally.
			opened := 0
			for _, full := range w.repos {
				owner, name, _ := strings.Cut(full, "/")
				local := t.TempDir()
				base := w.fake.Files(owner, name, "main")
				for p, c := range base {
					os.MkdirAll(filepath.Join(local, filepath.Dir(p)), 0o755)
					os.WriteFile(filepath.Join(local, p), []byte(c), 0o644)
				}
				if err := fixInPlace(context.Background(), toolset.Default(), local, []string{"XY003"}, false); err != nil {
					t.Fatal(err)
				}
				want, _ := ghfake.ReadDir(local)
				prs := w.fake.PRs(owner, name)
				heads := map[string]bool{}
				for _, pr := range prs {
					if heads[pr.Head] {
						t.Errorf("two PRs for %s", pr.Head)
					}
					heads[pr.Head] = true
					if pr.State != "open" || !strings.HasPrefix(pr.Head, "xylint/clients/") {
						t.Errorf("PR %+v", pr)
					}
					if !contains(pr.Labels, "xylint:clients") || !contains(pr.Labels, "tech-debt") || !contains(pr.Reviewers, "alice") {
						t.Errorf("PR %d labels %v reviewers %v", pr.Number, pr.Labels, pr.Reviewers)
					}
					files := w.fake.Files(owner, name, pr.Head)
					changed := map[string]string{}
					for p, c := range files {
						if base[p] != c {
							changed[p] = c
							if want[p] != c {
								t.Errorf("%s %s: committed content differs from `xylint fix`", pr.Head, p)
							}
						}
					}
					if len(changed) == 0 || len(files) != len(base) {
						t.Errorf("%s changes %d files, has %d files (base %d)", pr.Head, len(changed), len(files), len(base))
					}
					pyCompile(t, changed)
					opened++
				}
				// ... and nothing `xylint fix` changes is missing.
				for p, c := range want {
					if base[p] == c {
						continue
					}
					found := false
					for _, pr := range prs {
						found = found || w.fake.Files(owner, name, pr.Head)[p] == c
					}
					if !found {
						t.Errorf("%s: fixed locally, in no PR", p)
					}
				}
			}
			if opened < 4 {
				t.Fatalf("%d PRs opened", opened)
			}
			// A second run changes nothing and writes nothing.
			before := w.state()
			w.fake.ResetLog()
			rep = w.exec(Run, nil)
			if errs := reportErrors(rep); len(errs) > 0 {
				t.Fatal(errs)
			}
			if n := w.writes(); n != 0 {
				for _, e := range w.fake.Log() {
					if e.Write() {
						t.Logf("%s %s", e.Method, e.Path)
					}
				}
				t.Fatalf("second run made %d writes", n)
			}
			all, _ := w.fake.Counts()
			if per := all / len(w.repos); per > 5 {
				t.Errorf("no-op re-run: %d requests for %d repositories", all, len(w.repos))
			}
			if after := w.state(); after != before {
				t.Fatalf("state changed:\n%s\n---\n%s", before, after)
			}
		})
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
