package migrate

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"hash/fnv"
	"maps"
	"net/http"
	"os"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/google/go-github/v62/github"
	"github.com/sourcegraph/conc/panics"
	"github.com/sourcegraph/conc/pool"

	"github.com/xynergy/xylint/internal/driver"
	"github.com/xynergy/xylint/internal/github/ghclient"
)

// Mode is the command.
type Mode string

const (
	Plan   Mode = "plan"
	Run    Mode = "run"
	Status Mode = "status"
	Close  Mode = "close"
)

// Shard selects the repositories of one of N parallel runs: repository r
// belongs to shard fnv32a(r) mod N + 1, so shards never overlap and do not
// move when the list grows.
type Shard struct{ I, N int }

func (s Shard) has(repo string) bool {
	if s.N <= 1 {
		return true
	}
	h := fnv.New32a()
	h.Write([]byte(strings.ToLower(repo)))
	return int(h.Sum32()%uint32(s.N))+1 == s.I
}

// Options configure Execute.
type Options struct {
	Campaign *Campaign
	Mode     Mode
	// Toolset is the rules, producers and fix settings to analyse and fix
	// with (the command's).
	Toolset driver.Toolset
	Client  *ghclient.Client // nil for Local
	// Local is a directory to work on instead of GitHub: plan prints each
	// service's patch, run writes them to PatchDir.
	Local    string
	PatchDir string
	// Reopen re-opens pull requests a person closed without merging.
	Reopen bool
	// Dashboard keeps the tracking issue of each repository up to date
	// (run and status).
	Dashboard bool
	// Repos and Services restrict the run (owner/name; service
	// directories).
	Repos, Services []string
	Shard           Shard
	// Jobs bounds the analysis' parallelism; Parallel the repositories
	// handled at once (default 2).
	Jobs, Parallel int
	// Diffs puts each service's diff in the report (plan).
	Diffs bool
	Clock ghclient.Clock
	// OnStart, when set, is told how many repositories the command covers;
	// Progress when each is done (one call at a time).
	OnStart  func(total int)
	Progress func(repo string)
	// Logf receives notices.
	Logf func(format string, args ...any)
}

// Execute runs the command over the campaign's repositories. The error is
// for problems that concern no single repository (listing an
// organisation); each repository's own are in its report.
func Execute(ctx context.Context, opts Options) (*Report, error) {
	if opts.Clock == nil {
		opts.Clock = ghclient.RealClock{}
	}
	if opts.Parallel <= 0 {
		opts.Parallel = 2
	}
	rep := &Report{Campaign: opts.Campaign.Name, Mode: opts.Mode}
	if opts.Local != "" {
		rr := executeLocal(ctx, opts)
		rep.Repos = []*RepoReport{rr}
		return rep, nil
	}
	repos, err := targetRepos(ctx, opts)
	if err != nil {
		return nil, err
	}
	if opts.OnStart != nil {
		opts.OnStart(len(repos))
	}
	x := &executor{opts: opts, c: opts.Campaign, gh: opts.Client}
	reports := make([]*RepoReport, len(repos))
	var progressMu sync.Mutex
	p := pool.New().WithMaxGoroutines(opts.Parallel)
	for i, full := range repos {
		p.Go(func() {
			// One repository's panic must not end the others' work: conc
			// would re-raise it in Wait.
			var pc panics.Catcher
			pc.Try(func() { reports[i] = x.repo(ctx, full) })
			if r := pc.Recovered(); r != nil {
				reports[i] = &RepoReport{Repo: full, Error: x.gh.Redactor.Redact(fmt.Sprintf("internal error (please report it): %v", r.Value))}
			}
			if opts.Progress != nil {
				progressMu.Lock()
				opts.Progress(full)
				progressMu.Unlock()
			}
		})
	}
	p.Wait()
	rep.Repos = reports
	if opts.Client != nil {
		rep.Requests = countsOf(opts.Client.Stats())
	}
	return rep, nil
}

func targetRepos(ctx context.Context, opts Options) ([]string, error) {
	c := opts.Campaign
	seen := map[string]bool{}
	var out []string
	add := func(r string) {
		if !seen[strings.ToLower(r)] {
			seen[strings.ToLower(r)] = true
			out = append(out, r)
		}
	}
	for _, r := range c.Repos {
		add(r)
	}
	if c.Org != "" {
		lo := &github.RepositoryListByOrgOptions{ListOptions: github.ListOptions{PerPage: 100}}
		for {
			rs, resp, err := opts.Client.Repositories.ListByOrg(ctx, c.Org, lo)
			if err != nil {
				return nil, fmt.Errorf("listing the repositories of %s: %w", c.Org, opts.Client.Redactor.Error(err))
			}
			for _, r := range rs {
				if r.GetArchived() || r.GetFork() || (c.repoFilter != nil && !c.repoFilter.MatchString(r.GetName())) {
					continue
				}
				add(r.GetFullName())
			}
			if resp.NextPage == 0 {
				break
			}
			lo.Page = resp.NextPage
		}
	}
	var kept []string
	for _, r := range out {
		if (len(opts.Repos) == 0 || containsFold(opts.Repos, r)) && opts.Shard.has(r) {
			kept = append(kept, r)
		}
	}
	sort.Strings(kept)
	return kept, nil
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

type executor struct {
	opts    Options
	c       *Campaign
	gh      *ghclient.Client
	created atomic.Int64 // pull requests opened by this run
}

// prInfo is one of the campaign's pull requests, as the issue list shows it.
type prInfo struct {
	number    int
	state     string // open, closed
	merged    bool
	draft     bool
	url       string
	title     string
	body      string
	labels    []string
	marker    prMarker
	hasMarker bool
	headSHA   string // known when found through the pulls API
	viaHead   bool   // found by head, not by label: labels may be missing
	reviewers []string
}

// repoExec is one repository's work.
type repoExec struct {
	*executor
	owner, name string
	rep         *RepoReport
	baseSHA     string
	baseTree    string
	exec        map[string]bool
	branches    map[string]string    // branch -> head sha
	prs         map[string][]*prInfo // service -> pull requests, newest first
	dashboard   *prInfo
	dashboardOn bool // keep the dashboard up to date (Options.Dashboard, unless the repository is archived)
	openPRs     int
	mu          sync.Mutex
}

// testHookRepo, set by tests only, runs at the start of each repository's
// work (to make one panic).
var testHookRepo func(repo string)

func (x *executor) repo(ctx context.Context, full string) *RepoReport {
	owner, name, _ := strings.Cut(full, "/")
	r := &repoExec{executor: x, owner: owner, name: name, rep: &RepoReport{Repo: full}, dashboardOn: x.opts.Dashboard}
	if testHookRepo != nil {
		testHookRepo(full)
	}
	var skip *skipped
	if err := r.work(ctx); errors.As(err, &skip) {
		r.rep.Skipped = skip.why
	} else if err != nil {
		r.rep.Error = x.gh.Redactor.Redact(err.Error())
	}
	r.rep.sortServices()
	return r.rep
}

func (r *repoExec) redact(err error) string { return r.gh.Redactor.Redact(err.Error()) }

// skipped is a repository the command cannot work on and says why, which
// is not an error of the run (an archived or empty repository in an
// organisation's list).
type skipped struct{ why string }

func (s *skipped) Error() string { return s.why }

func (r *repoExec) work(ctx context.Context) error {
	gh := r.gh
	repo, _, err := gh.Repositories.Get(ctx, r.owner, r.name)
	if ghclient.Status(err) == http.StatusNotFound && !gh.Authenticated() {
		return fmt.Errorf("reading the repository: %w (a private repository needs GITHUB_TOKEN or an App)", err)
	}
	if err != nil {
		return fmt.Errorf("reading the repository: %w", err)
	}
	if repo.GetArchived() {
		switch {
		case r.writing():
			return &skipped{"skipped: the repository is archived (read-only)"}
		case r.dashboardOn:
			r.dashboardOn = false
			r.rep.Notes = append(r.rep.Notes, "the repository is archived (read-only): its dashboard is not updated")
		}
	}
	base := r.c.Base
	if base == "" {
		base = repo.GetDefaultBranch()
	}
	r.rep.Base = base
	if err := r.index(ctx); err != nil {
		if ghclient.Status(err) == http.StatusConflict {
			return &skipped{"skipped: the repository is empty"}
		}
		return err
	}
	var svcs []Service
	var an *Analysis
	if r.opts.Mode != Close {
		tmp, err := os.MkdirTemp("", "xylint-migrate-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		if err := r.fetchTree(ctx, base, tmp); err != nil {
			return err
		}
		if svcs, err = findServices(tmp, r.c.ServiceGlobs, r.c.DetectServices == nil || *r.c.DetectServices); err != nil {
			return err
		}
		if an, err = r.analyse(ctx, tmp); err != nil {
			return err
		}
		r.rep.Errors = an.Errors
	}
	states, err := r.plan(svcs, an)
	if err != nil {
		return err
	}
	for _, st := range states {
		if len(r.opts.Services) > 0 && !containsFold(r.opts.Services, st.svc.Dir) && !containsFold(r.opts.Services, st.svc.Slug) {
			continue
		}
		sr := st.report
		if err := r.service(ctx, st); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			sr.Error = r.redact(err)
		}
		r.rep.Services = append(r.rep.Services, sr)
	}
	if r.opts.Mode == Status {
		r.statusDetails(ctx)
	}
	if r.dashboardOn && (r.opts.Mode == Run || r.opts.Mode == Status) {
		if err := r.updateDashboard(ctx); err != nil {
			return fmt.Errorf("dashboard: %w", err)
		}
	} else if r.dashboard != nil {
		var dm dashMarker
		if decodeMarker(r.dashboard.body, dashMarkerTag, &dm) {
			r.rep.History = dm.History
		}
		r.rep.Dashboard = r.dashboard.url
	}
	return nil
}

// memo, set by tests only, reuses the analysis of a commit already
// analysed in this process (the fault matrix runs the same commit hundreds
// of times).
var memo struct {
	sync.Mutex
	on bool
	m  map[string]*Analysis
}

func (r *repoExec) analyse(ctx context.Context, dir string) (*Analysis, error) {
	key := r.owner + "/" + r.name + "@" + r.baseSHA + " " + strings.Join(r.c.Rules, ",") + fmt.Sprint(r.c.Unsafe)
	memo.Lock()
	an := memo.m[key]
	memo.Unlock()
	if an != nil {
		return an, nil
	}
	an, err := analyse(ctx, r.opts.Toolset, dir, r.c.Rules, r.c.Unsafe, r.opts.Jobs)
	if err == nil && memo.on {
		memo.Lock()
		if memo.m == nil {
			memo.m = map[string]*Analysis{}
		}
		memo.m[key] = an
		memo.Unlock()
	}
	return an, err
}

// fetchTree downloads the base branch as one archive and expands it.
func (r *repoExec) fetchTree(ctx context.Context, base, dir string) error {
	link, _, err := r.gh.Repositories.GetArchiveLink(ctx, r.owner, r.name, github.Tarball, &github.RepositoryContentGetOptions{Ref: base}, 0)
	if err != nil {
		if ghclient.Status(err) == http.StatusNotFound {
			return fmt.Errorf("no branch %q (or the repository is empty): %w", base, err)
		}
		return fmt.Errorf("archive link: %w", err)
	}
	data, err := r.gh.Download(ctx, link, maxArchive)
	if err != nil {
		return err
	}
	sha, exec, err := extract(data, dir)
	if err != nil {
		return err
	}
	if sha == "" {
		// No pax header: ask for the branch (racy only if it moved in
		// between, and then the next run repairs).
		ref, _, err := r.gh.Git.GetRef(ctx, r.owner, r.name, "heads/"+base)
		if err != nil {
			return fmt.Errorf("reading %s: %w", base, err)
		}
		sha = ref.GetObject().GetSHA()
	}
	r.baseSHA, r.exec = sha, exec
	r.rep.BaseSHA = sha
	return nil
}

// index reads the campaign's branches and pull requests: two listings
// per repository, whatever the number of services.
func (r *repoExec) index(ctx context.Context) error {
	gh := r.gh
	r.branches = map[string]string{}
	prefix := r.branchPrefix()
	lo := &github.ReferenceListOptions{Ref: "heads/" + prefix, ListOptions: github.ListOptions{PerPage: 100}}
	for {
		refs, resp, err := gh.Git.ListMatchingRefs(ctx, r.owner, r.name, lo)
		if err != nil {
			return fmt.Errorf("listing the campaign's branches: %w", err)
		}
		for _, ref := range refs {
			r.branches[strings.TrimPrefix(ref.GetRef(), "refs/heads/")] = ref.GetObject().GetSHA()
		}
		if resp.NextPage == 0 {
			break
		}
		lo.Page = resp.NextPage
	}
	r.prs = map[string][]*prInfo{}
	io := &github.IssueListByRepoOptions{State: "all", Labels: []string{r.c.Label()}, ListOptions: github.ListOptions{PerPage: 100}}
	for {
		issues, resp, err := gh.Issues.ListByRepo(ctx, r.owner, r.name, io)
		if err != nil {
			return fmt.Errorf("listing the campaign's pull requests: %w", err)
		}
		for _, is := range issues {
			p := &prInfo{number: is.GetNumber(), state: is.GetState(), url: is.GetHTMLURL(), title: is.GetTitle(), body: is.GetBody()}
			for _, l := range is.Labels {
				p.labels = append(p.labels, l.GetName())
			}
			if !is.IsPullRequest() {
				var dm dashMarker
				if r.dashboard == nil && decodeMarker(p.body, dashMarkerTag, &dm) && dm.Campaign == r.c.Name {
					r.dashboard = p
				}
				continue
			}
			p.merged = is.PullRequestLinks.MergedAt != nil
			p.draft = is.GetDraft()
			if p.hasMarker = decodeMarker(p.body, prMarkerTag, &p.marker); !p.hasMarker || p.marker.Campaign != r.c.Name {
				continue
			}
			r.prs[p.marker.Service] = append(r.prs[p.marker.Service], p)
			if p.state == "open" {
				r.openPRs++
			}
		}
		if resp.NextPage == 0 {
			break
		}
		io.Page = resp.NextPage
	}
	return r.recoverUnlabelled(ctx)
}

// recoverUnlabelled reads the pull requests the dashboard lists that the
// label listing did not show: someone removed the campaign's label, and
// perhaps deleted the branch too, so neither listing finds them. Without
// this a new pull request would be opened next to one a person closed.
// It costs one read per such pull request, and nothing otherwise.
func (r *repoExec) recoverUnlabelled(ctx context.Context) error {
	var dm dashMarker
	if r.dashboard == nil || !decodeMarker(r.dashboard.body, dashMarkerTag, &dm) {
		return nil
	}
	seen := map[int]bool{}
	for _, ps := range r.prs {
		for _, p := range ps {
			seen[p.number] = true
		}
	}
	for _, svc := range slices.Sorted(maps.Keys(dm.PRs)) {
		for _, n := range dm.PRs[svc] {
			if seen[n] {
				continue
			}
			pr, _, err := r.gh.PullRequests.Get(ctx, r.owner, r.name, n)
			if ghclient.Status(err) == http.StatusNotFound {
				continue
			}
			if err != nil {
				return fmt.Errorf("reading pull request #%d: %w", n, err)
			}
			p := prFromPull(pr)
			if !p.hasMarker || p.marker.Campaign != r.c.Name || p.marker.Service != svc {
				continue
			}
			seen[n] = true
			r.prs[svc] = append(r.prs[svc], p)
			if p.state == "open" {
				r.openPRs++
			}
		}
	}
	return nil
}

// branchPrefix is the part every branch of the campaign starts with.
func (r *repoExec) branchPrefix() string {
	a, _ := r.c.render(r.c.branchT, TemplateData{Campaign: r.c.Name, Slug: "\x00a", Service: "\x00a", Repo: r.owner + "/" + r.name})
	p, _, _ := strings.Cut(a, "\x00")
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		return p[:i+1]
	}
	return p
}

// svcState is one service's situation.
type svcState struct {
	svc     Service
	branch  string
	changes []Change
	sites   []Site
	digest  string
	head    string  // the branch's head, "" when there is no branch
	pr      *prInfo // the open pull request, else the newest
	report  *ServiceReport
	data    TemplateData
}

// plan groups the analysis by service and joins the index to it.
func (r *repoExec) plan(svcs []Service, an *Analysis) ([]*svcState, error) {
	byDir := map[string]*svcState{}
	get := func(s Service) *svcState {
		if st := byDir[s.Dir]; st != nil {
			return st
		}
		st := &svcState{svc: s, report: &ServiceReport{Service: s.Dir, Left: map[string]int{}, ByRule: map[string]int{}, LeftByKind: map[string]int{}}}
		byDir[s.Dir] = st
		return st
	}
	if an != nil {
		for _, s := range svcs {
			get(s)
		}
		for _, site := range an.Sites {
			st := get(serviceOf(svcs, site.Path))
			st.sites = append(st.sites, site)
			st.report.Found++
			st.report.ByRule[site.Rule]++
			if site.Fixed() {
				st.report.Fixed++
			} else {
				st.report.Left[site.Reason]++
				st.report.LeftByKind[strings.TrimSpace(strings.Fields(site.Rule)[0]+" "+site.Kind)]++
				st.report.Sites = append(st.report.Sites, site)
			}
		}
		for _, ch := range an.Changes {
			st := get(serviceOf(svcs, ch.Path))
			st.changes = append(st.changes, ch)
			st.report.Files = append(st.report.Files, ch.Path)
		}
	}
	// Services that are gone from the tree but still have a pull request.
	for dir := range r.prs {
		if byDir[dir] == nil {
			s := Service{Dir: dir, Slug: slugOf(dir)}
			if known := serviceByDir(svcs, dir); known != nil {
				s = *known
			}
			get(s)
		}
	}
	var out []*svcState
	for _, st := range byDir {
		st.data = TemplateData{Campaign: r.c.Name, Service: st.svc.Dir, Slug: st.svc.Slug, Repo: r.owner + "/" + r.name,
			Rules: strings.Join(r.c.Rules, ", "), Fixed: st.report.Fixed, Left: st.report.LeftTotal(), Files: len(st.changes)}
		b, err := r.c.render(r.c.branchT, st.data)
		if err != nil {
			return nil, err
		}
		if serviceByDir(svcs, st.svc.Dir) == nil {
			// Gone from the tree: its pull request names its branch.
			for _, p := range r.prs[st.svc.Dir] {
				if p.marker.Branch != "" {
					b = p.marker.Branch
				}
			}
		}
		st.branch, st.report.Branch = b, b
		st.head = r.branches[b]
		for _, p := range r.prs[st.svc.Dir] {
			if st.pr == nil || (p.state == "open" && st.pr.state != "open") || (p.state == st.pr.state && p.number > st.pr.number) {
				st.pr = p
			}
		}
		if len(st.changes) > 0 {
			st.digest = digest(st.changes, r.exec)
		}
		// Nothing to say about a service without findings, branch or PR.
		if st.report.Found == 0 && st.head == "" && st.pr == nil {
			continue
		}
		out = append(out, st)
	}
	// The campaign's branches that no service claims: a service that left
	// the tree before its pull request was opened (an interrupted run), or
	// whose pull request is no longer listed. Deleted, once shown to be
	// the bot's, like any branch with nothing to fix.
	claimed := map[string]bool{}
	for _, st := range byDir {
		claimed[st.branch] = true
	}
	for _, b := range slices.Sorted(maps.Keys(r.branches)) {
		if claimed[b] {
			continue
		}
		name := strings.TrimPrefix(b, r.branchPrefix())
		st := &svcState{svc: Service{Dir: name, Slug: name}, branch: b, head: r.branches[b],
			report: &ServiceReport{Service: name, Branch: b, Left: map[string]int{}, ByRule: map[string]int{}, LeftByKind: map[string]int{}}}
		out = append(out, st)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].svc.Dir < out[j].svc.Dir })
	return out, nil
}

func serviceByDir(svcs []Service, dir string) *Service {
	for i := range svcs {
		if svcs[i].Dir == dir {
			return &svcs[i]
		}
	}
	return nil
}

func prState(p *prInfo) *PRState {
	if p == nil {
		return nil
	}
	s := &PRState{Number: p.number, URL: p.url, State: p.state}
	switch {
	case p.merged:
		s.State = "merged"
	case p.state == "open" && p.draft:
		s.State = "draft"
	}
	return s
}

// writing reports whether the command may write.
func (r *repoExec) writing() bool { return r.opts.Mode == Run || r.opts.Mode == Close }

// act records an action: done when writing, "would ..." in plan.
func (r *repoExec) act(sr *ServiceReport, action string) {
	if !r.writing() && r.opts.Mode != Status {
		action = "would " + action
	}
	sr.Action = action
}

// service decides and does what one service needs.
func (r *repoExec) service(ctx context.Context, st *svcState) error {
	sr := st.report
	sr.PR = prState(st.pr)
	if r.opts.Diffs {
		var b strings.Builder
		for _, ch := range st.changes {
			b.WriteString(Diff(ch.Path, ch.Old, ch.New))
		}
		sr.Diff = b.String()
	}
	open := st.pr != nil && st.pr.state == "open"
	owned := true
	if st.head != "" {
		var err error
		if owned, err = r.botOwned(ctx, st); err != nil {
			return err
		}
	}
	if r.opts.Mode == Status {
		sr.Action = r.statusLine(st, owned)
		return nil
	}
	if r.opts.Mode == Close {
		switch {
		case open:
			return r.closePR(ctx, st, owned, "The campaign was closed with `xylint migrate close`.")
		case st.head != "" && owned:
			r.act(sr, "delete the branch")
			return r.deleteBranch(ctx, st)
		}
		sr.Action = "nothing to close"
		return nil
	}
	if len(st.changes) == 0 {
		switch {
		case open && owned:
			return r.closePR(ctx, st, true, "Nothing is left to fix in this service (fixed by hand, or already migrated): closing.")
		case open:
			sr.Action = "not touched: someone else pushed to the branch"
			return r.handsOff(ctx, st)
		case st.head != "" && owned:
			r.act(sr, "delete the branch (no pull request, nothing to fix)")
			return r.deleteBranch(ctx, st)
		case st.head != "":
			sr.Action = "not touched: the branch has someone else's commits"
		default:
			sr.Action = "nothing to fix automatically"
		}
		return nil
	}
	if st.pr != nil && st.pr.state == "closed" && !st.pr.merged && !r.opts.Reopen {
		sr.Action = "left closed: closed without merging by a person (--reopen reopens it)"
		return nil
	}
	if !owned {
		sr.Action = "not touched: someone else pushed to the branch"
		if open {
			return r.handsOff(ctx, st)
		}
		return nil
	}
	text := r.textHash(st)
	if open && st.pr.marker.Digest == st.digest && st.pr.marker.Commit == st.head {
		if st.pr.viaHead {
			if err := r.repairLabels(ctx, st); err != nil {
				return err
			}
		}
		if st.pr.marker.Text == text {
			sr.Action = "up to date"
			return nil
		}
		r.act(sr, "update the title and body")
		if !r.writing() {
			return nil
		}
		return r.editPR(ctx, st, st.pr.marker.Commit, st.pr.marker.Base, nil)
	}
	reopen := st.pr != nil && st.pr.state == "closed" && !st.pr.merged
	if !open && !reopen {
		if n := r.c.MaxPRsPerRun; n > 0 && r.created.Load() >= int64(n) {
			sr.Action = fmt.Sprintf("deferred: max-prs-per-run (%d) reached", n)
			return nil
		}
		r.mu.Lock()
		full := r.c.MaxOpenPRs > 0 && r.openPRs >= r.c.MaxOpenPRs
		if !full {
			r.openPRs++
		}
		r.mu.Unlock()
		if full {
			sr.Action = fmt.Sprintf("deferred: max-open-prs (%d) open already", r.c.MaxOpenPRs)
			return nil
		}
		r.created.Add(1)
	}
	switch {
	case open:
		r.act(sr, "update the pull request (rebuilt on the base branch)")
	case reopen:
		r.act(sr, "reopen the pull request")
	default:
		r.act(sr, "open a pull request")
	}
	if !r.writing() {
		return nil
	}
	commit, err := r.commit(ctx, st)
	if err != nil {
		return err
	}
	if err := r.pushBranch(ctx, st, commit); errors.Is(err, errForeign) {
		sr.Action = "not touched: someone else pushed to the branch"
		if open {
			return r.handsOff(ctx, st)
		}
		return nil
	} else if err != nil {
		return err
	}
	switch {
	case open:
		return r.editPR(ctx, st, commit, r.baseSHA, nil)
	case reopen:
		return r.editPR(ctx, st, commit, r.baseSHA, github.String("open"))
	}
	return r.createPR(ctx, st, commit)
}

func (r *repoExec) statusLine(st *svcState, owned bool) string {
	switch {
	case st.pr != nil && st.pr.state == "open" && !owned:
		return "pull request open; someone else pushed to the branch (the bot no longer touches it)"
	case st.pr != nil && st.pr.state == "open" && len(st.changes) == 0:
		return "pull request open; nothing left to fix (the next run closes it)"
	case st.pr != nil && st.pr.state == "open" && st.pr.marker.Digest != st.digest:
		return "pull request open; out of date (the next run updates it)"
	case st.pr != nil && st.pr.state == "open":
		return "pull request open and up to date"
	case st.pr != nil && st.pr.merged && len(st.changes) > 0:
		return "merged; new findings to fix (the next run opens a pull request)"
	case st.pr != nil && st.pr.merged:
		return "merged"
	case st.pr != nil && len(st.changes) > 0:
		return "closed without merging (left closed; --reopen reopens it)"
	case st.pr != nil:
		return "closed"
	case len(st.changes) > 0:
		return "no pull request yet (the next run opens one)"
	}
	return "nothing to fix automatically"
}

// botOwned reports whether the branch head is still the bot's own commit.
// The pull request's marker names the commit the bot pushed last; when the
// head is another commit (or there is no marker), the commit is read: the
// bot's has the campaign's author and committer and its trailer.
func (r *repoExec) botOwned(ctx context.Context, st *svcState) (bool, error) {
	if st.pr != nil && st.pr.marker.Commit == st.head {
		return true, nil
	}
	if st.pr == nil {
		if err := r.findByHead(ctx, st); err != nil {
			return false, err
		}
		if st.pr != nil && st.pr.marker.Commit == st.head {
			return true, nil
		}
	}
	c, _, err := r.gh.Git.GetCommit(ctx, r.owner, r.name, st.head)
	if err != nil {
		return false, fmt.Errorf("reading the branch's head commit: %w", err)
	}
	return c.GetAuthor().GetEmail() == r.c.AuthorEmail && c.GetCommitter().GetEmail() == r.c.AuthorEmail &&
		hasTrailer(c.GetMessage(), TrailerKey, r.c.Name), nil
}

// hasTrailer reports whether message has the trailer line "key: value"
// (the whole line: campaign "clients" is not "clients-v2").
func hasTrailer(message, key, value string) bool {
	for _, line := range strings.Split(message, "\n") {
		if strings.TrimSpace(line) == key+": "+value {
			return true
		}
	}
	return false
}

// findByHead looks for a pull request of a campaign branch that the label
// listing did not show (an interrupted run, or a label removed by hand).
func (r *repoExec) findByHead(ctx context.Context, st *svcState) error {
	prs, _, err := r.gh.PullRequests.List(ctx, r.owner, r.name, &github.PullRequestListOptions{State: "all", Head: r.owner + ":" + st.branch, ListOptions: github.ListOptions{PerPage: 10}})
	if err != nil {
		return fmt.Errorf("looking for the branch's pull request: %w", err)
	}
	for _, p := range prs {
		info := prFromPull(p)
		if st.pr == nil || (info.state == "open" && st.pr.state != "open") {
			st.pr = info
		}
	}
	if st.pr != nil {
		st.report.PR = prState(st.pr)
	}
	return nil
}

func prFromPull(p *github.PullRequest) *prInfo {
	info := &prInfo{number: p.GetNumber(), state: p.GetState(), merged: p.MergedAt != nil, draft: p.GetDraft(), url: p.GetHTMLURL(),
		title: p.GetTitle(), body: p.GetBody(), headSHA: p.GetHead().GetSHA(), viaHead: true}
	for _, l := range p.Labels {
		info.labels = append(info.labels, l.GetName())
	}
	for _, u := range p.RequestedReviewers {
		info.reviewers = append(info.reviewers, u.GetLogin())
	}
	info.hasMarker = decodeMarker(info.body, prMarkerTag, &info.marker)
	return info
}

func (r *repoExec) textHash(st *svcState) string {
	title, _ := r.c.render(r.c.titleT, st.data)
	body, _ := r.c.render(r.c.bodyT, st.data)
	return hashStrings(title, body, strings.Join(r.c.Labels, ","), fmt.Sprint(r.c.Draft))
}

func (r *repoExec) prText(st *svcState, m prMarker) (title, body string, err error) {
	if title, err = r.c.render(r.c.titleT, st.data); err != nil {
		return
	}
	if body, err = r.c.render(r.c.bodyT, st.data); err != nil {
		return
	}
	body += "\n\n" + summaryTable(st.sites, maxBodyRunes-utf8.RuneCountInString(body))
	return title, withMarker(body, prMarkerTag, m), nil
}

// maxBodyRunes keeps a pull request's body (its text, the table and the
// marker) under GitHub's limit of 65,536 characters.
const maxBodyRunes = 60000

// summaryTable lists the service's findings in at most budget characters:
// a service with thousands of findings gets the first ones and a count of
// the rest, not a pull request GitHub refuses.
func summaryTable(sites []Site, budget int) string {
	var b strings.Builder
	b.WriteString("| file | line | rule | finding | |\n| --- | --- | --- | --- | --- |\n")
	used := utf8.RuneCountInString(b.String())
	for i, s := range sites {
		mark := "fixed"
		if !s.Fixed() {
			mark = "left: " + s.Reason
		}
		row := fmt.Sprintf("| `%s` | %d | %s | %s | %s |\n", s.Path, s.Line, s.Rule, mdEscape(s.Message), mark)
		if n := utf8.RuneCountInString(row); used+n > budget-100 {
			fmt.Fprintf(&b, "| … | | | and %d more findings (`xylint migrate status --service` lists them) | |\n", len(sites)-i)
			break
		} else {
			used += n
		}
		b.WriteString(row)
	}
	return b.String()
}

func mdEscape(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ", "<", "&lt;", ">", "&gt;").Replace(s)
}

// commit builds the service's change as one commit on the base: one tree
// (the base tree plus the changed files inline) and one commit object.
func (r *repoExec) commit(ctx context.Context, st *svcState) (string, error) {
	ictx := ghclient.Idempotent(ctx)
	if r.baseTree == "" {
		c, _, err := r.gh.Git.GetCommit(ctx, r.owner, r.name, r.baseSHA)
		if err != nil {
			return "", fmt.Errorf("reading the base commit: %w", err)
		}
		r.mu.Lock()
		r.baseTree = c.GetTree().GetSHA()
		r.mu.Unlock()
	}
	entries, err := r.treeEntries(ictx, st.changes)
	if err != nil {
		return "", err
	}
	tree, _, err := r.gh.Git.CreateTree(ictx, r.owner, r.name, r.baseTree, entries)
	if err != nil {
		return "", fmt.Errorf("creating the tree: %w", err)
	}
	msg, err := r.c.render(r.c.messageT, st.data)
	if err != nil {
		return "", err
	}
	msg = strings.TrimRight(msg, "\n") + "\n\n" + TrailerKey + ": " + r.c.Name + "\nXylint-Service: " + st.svc.Dir + "\n"
	who := &github.CommitAuthor{Name: github.String(r.c.AuthorName), Email: github.String(r.c.AuthorEmail), Date: &github.Timestamp{Time: r.opts.Clock.Now()}}
	c, _, err := r.gh.Git.CreateCommit(ictx, r.owner, r.name, &github.Commit{Message: github.String(msg), Tree: tree,
		Parents: []*github.Commit{{SHA: github.String(r.baseSHA)}}, Author: who, Committer: who}, nil)
	if err != nil {
		return "", fmt.Errorf("creating the commit: %w", err)
	}
	return c.GetSHA(), nil
}

// errForeign is a branch that moved to someone else's commit after it was
// listed.
var errForeign = errors.New("someone else pushed to the branch meanwhile: not touched")

// stillOurs reads the branch again right before the bot rewrites or
// deletes it: the listing may be minutes old (writes go out a second apart,
// one service after another), and the REST API has no compare-and-swap for
// refs, so this keeps the window in which a person's push could be lost to
// the time between two requests. A branch that is gone is reported as ours
// with st.head cleared.
func (r *repoExec) stillOurs(ctx context.Context, st *svcState) (bool, error) {
	ref, _, err := r.gh.Git.GetRef(ctx, r.owner, r.name, "heads/"+st.branch)
	if ghclient.Status(err) == http.StatusNotFound {
		st.head = ""
		return true, nil
	}
	if err != nil {
		return false, fmt.Errorf("reading the branch: %w", err)
	}
	if sha := ref.GetObject().GetSHA(); sha != st.head {
		st.head = sha
		return r.botOwned(ctx, st)
	}
	return true, nil
}

// treeEntries lists the changed files for CreateTree: inline, which costs
// no request, for UTF-8 text; a file that is not UTF-8 would be mangled by
// the JSON string the inline content travels in, so it goes up as a
// base64 blob first.
func (r *repoExec) treeEntries(ctx context.Context, changes []Change) ([]*github.TreeEntry, error) {
	var entries []*github.TreeEntry
	for _, ch := range changes {
		mode := "100644"
		if r.exec[ch.Path] {
			mode = "100755"
		}
		e := &github.TreeEntry{Path: github.String(ch.Path), Mode: github.String(mode), Type: github.String("blob")}
		if utf8.Valid(ch.New) {
			e.Content = github.String(string(ch.New))
		} else {
			b, _, err := r.gh.Git.CreateBlob(ctx, r.owner, r.name, &github.Blob{Content: github.String(base64.StdEncoding.EncodeToString(ch.New)), Encoding: github.String("base64")})
			if err != nil {
				return nil, fmt.Errorf("uploading %s: %w", ch.Path, err)
			}
			e.SHA = b.SHA
		}
		entries = append(entries, e)
	}
	return entries, nil
}

// pushBranch points the branch at commit: created, or force-updated while
// its head is still the bot's (errForeign otherwise).
func (r *repoExec) pushBranch(ctx context.Context, st *svcState, commit string) error {
	gh := r.gh
	ref := &github.Reference{Ref: github.String("refs/heads/" + st.branch), Object: &github.GitObject{SHA: github.String(commit)}}
	if st.head != "" {
		if ours, err := r.stillOurs(ctx, st); err != nil {
			return err
		} else if !ours {
			return errForeign
		}
	}
	if st.head != "" {
		if _, _, err := gh.Git.UpdateRef(ctx, r.owner, r.name, ref, true); err != nil {
			return fmt.Errorf("updating the branch: %w", err)
		}
		st.head = commit
		return nil
	}
	for attempt := 0; ; attempt++ {
		_, _, err := gh.Git.CreateRef(ctx, r.owner, r.name, ref)
		if err == nil {
			st.head = commit
			return nil
		}
		if !ghclient.IsUnknownOutcome(err) && !ghclient.Says(err, "Reference already exists") {
			return fmt.Errorf("creating the branch: %w", err)
		}
		// Did it happen (a lost answer), or did the branch appear since
		// the listing?
		got, _, gerr := gh.Git.GetRef(ctx, r.owner, r.name, "heads/"+st.branch)
		switch {
		case gerr == nil && got.GetObject().GetSHA() == commit:
			st.head = commit
			return nil
		case gerr == nil:
			st.head = got.GetObject().GetSHA()
			owned, oerr := r.botOwned(ctx, st)
			if oerr != nil || !owned {
				return fmt.Errorf("the branch %s appeared meanwhile with someone else's commit: not touched", st.branch)
			}
			return r.pushBranch(ctx, st, commit)
		case ghclient.Status(gerr) != http.StatusNotFound || attempt > 0:
			return fmt.Errorf("creating the branch: %w", err)
		}
	}
}

func (r *repoExec) createPR(ctx context.Context, st *svcState, commit string) error {
	gh := r.gh
	m := prMarker{Campaign: r.c.Name, Service: st.svc.Dir, Branch: st.branch, Commit: commit, Base: r.baseSHA, Digest: st.digest, Text: r.textHash(st)}
	title, body, err := r.prText(st, m)
	if err != nil {
		return err
	}
	np := &github.NewPullRequest{Title: github.String(title), Head: github.String(st.branch), Base: github.String(r.rep.Base),
		Body: github.String(body), Draft: github.Bool(r.c.Draft), MaintainerCanModify: github.Bool(true)}
	var pr *github.PullRequest
	for attempt := 0; pr == nil; attempt++ {
		pr, _, err = gh.PullRequests.Create(ctx, r.owner, r.name, np)
		if err == nil {
			break
		}
		if !ghclient.IsUnknownOutcome(err) && !ghclient.Says(err, "A pull request already exists") {
			return fmt.Errorf("opening the pull request: %w", err)
		}
		prs, _, lerr := gh.PullRequests.List(ctx, r.owner, r.name, &github.PullRequestListOptions{State: "open", Head: r.owner + ":" + st.branch})
		if lerr == nil && len(prs) > 0 {
			pr = prs[0]
			if !strings.Contains(pr.GetBody(), commit) {
				// Someone's (or an earlier run's) pull request for the
				// branch: bring its text up to date.
				st.pr = prFromPull(pr)
				return r.editPR(ctx, st, commit, r.baseSHA, nil)
			}
			break
		}
		if attempt > 0 {
			return fmt.Errorf("opening the pull request: %w", err)
		}
	}
	st.pr = prFromPull(pr)
	st.pr.viaHead = false
	st.report.PR = prState(st.pr)
	return r.repairLabels(ctx, st)
}

// repairLabels requests the campaign's reviewers and adds its labels where
// a pull request lacks them (all of them, for a new one). The campaign
// label goes last: it is what lists the pull request on the next run, so a
// pull request without it is looked up by its branch, with its reviewers,
// and repaired.
func (r *repoExec) repairLabels(ctx context.Context, st *svcState) error {
	if !r.writing() {
		return nil
	}
	ictx := ghclient.Idempotent(ctx)
	var users []string
	for _, u := range r.c.Reviewers {
		if !containsFold(st.pr.reviewers, u) {
			users = append(users, u)
		}
	}
	labels := append(append([]string(nil), r.c.Labels...), r.c.Label())
	var missing []string
	for _, l := range labels {
		if !containsFold(st.pr.labels, l) {
			missing = append(missing, l)
		}
	}
	if len(users) > 0 || (len(r.c.TeamReviewers) > 0 && len(missing) > 0) {
		if _, _, err := r.gh.PullRequests.RequestReviewers(ictx, r.owner, r.name, st.pr.number, github.ReviewersRequest{Reviewers: users, TeamReviewers: r.c.TeamReviewers}); err != nil {
			if ghclient.Status(err) != http.StatusUnprocessableEntity {
				return fmt.Errorf("requesting reviewers: %w", err)
			}
			st.report.Note = "reviewers not requested: " + r.redact(err)
		}
		st.pr.reviewers = append(st.pr.reviewers, users...)
	}
	if len(missing) > 0 {
		if _, _, err := r.gh.Issues.AddLabelsToIssue(ictx, r.owner, r.name, st.pr.number, missing); err != nil {
			return fmt.Errorf("labelling the pull request: %w", err)
		}
		st.pr.labels = append(st.pr.labels, missing...)
	}
	return nil
}

func (r *repoExec) editPR(ctx context.Context, st *svcState, commit, base string, state *string) error {
	m := prMarker{Campaign: r.c.Name, Service: st.svc.Dir, Branch: st.branch, Commit: commit, Base: base, Digest: st.digest, Text: r.textHash(st)}
	title, body, err := r.prText(st, m)
	if err != nil {
		return err
	}
	pr, _, err := r.gh.PullRequests.Edit(ctx, r.owner, r.name, st.pr.number, &github.PullRequest{Title: github.String(title), Body: github.String(body), State: state})
	if err != nil {
		return fmt.Errorf("editing the pull request: %w", err)
	}
	viaHead := st.pr.viaHead
	st.pr = prFromPull(pr)
	st.report.PR = prState(st.pr)
	if viaHead || state != nil {
		return r.repairLabels(ctx, st)
	}
	return nil
}

// comment posts a comment once. The write that follows it (closing the
// pull request, recording the hands-off in its body) can fail, and the next
// run then comes here again: so it looks first (one read; these comments
// are rare), and looks again after a lost answer.
func (r *repoExec) comment(ctx context.Context, number int, tag, text string) error {
	mark := "<!-- xylint-migrate-comment " + tag + " -->"
	posted, err := r.hasComment(ctx, number, mark)
	if err != nil || posted {
		return err
	}
	body := github.String(text + "\n\n" + mark)
	_, _, err = r.gh.Issues.CreateComment(ctx, r.owner, r.name, number, &github.IssueComment{Body: body})
	if err == nil || !ghclient.IsUnknownOutcome(err) {
		return err
	}
	if posted, lerr := r.hasComment(ctx, number, mark); lerr != nil || posted {
		return lerr
	}
	_, _, err = r.gh.Issues.CreateComment(ctx, r.owner, r.name, number, &github.IssueComment{Body: body})
	return err
}

func (r *repoExec) hasComment(ctx context.Context, number int, mark string) (bool, error) {
	lo := &github.IssueListCommentsOptions{ListOptions: github.ListOptions{PerPage: 100}}
	for {
		cs, resp, err := r.gh.Issues.ListComments(ctx, r.owner, r.name, number, lo)
		if err != nil {
			return false, fmt.Errorf("reading the comments: %w", err)
		}
		for _, c := range cs {
			if strings.Contains(c.GetBody(), mark) {
				return true, nil
			}
		}
		if resp.NextPage == 0 {
			return false, nil
		}
		lo.Page = resp.NextPage
	}
}

// closePR closes the campaign's open pull request with a comment, and
// deletes its branch when the bot owns it.
func (r *repoExec) closePR(ctx context.Context, st *svcState, owned bool, why string) error {
	sr := st.report
	if owned && st.head != "" && r.opts.Mode == Run {
		// A person who pushed since the listing is working on it: it is
		// their pull request now. (close closes it all the same and keeps
		// the branch: deleteBranch checks again.)
		if ours, err := r.stillOurs(ctx, st); err != nil {
			return err
		} else if !ours {
			sr.Action = "not touched: someone else pushed to the branch"
			return r.handsOff(ctx, st)
		}
	}
	if owned {
		r.act(sr, "close the pull request and delete its branch")
	} else {
		r.act(sr, "close the pull request (the branch has someone else's commits: kept)")
	}
	if !r.writing() {
		return nil
	}
	if err := r.comment(ctx, st.pr.number, "closed-"+shortHash(st.pr.marker.Commit+why), why); err != nil {
		return fmt.Errorf("commenting: %w", err)
	}
	m := st.pr.marker
	m.Emptied = len(st.changes) == 0
	body := withMarker(st.pr.body, prMarkerTag, m)
	pr, _, err := r.gh.PullRequests.Edit(ctx, r.owner, r.name, st.pr.number, &github.PullRequest{State: github.String("closed"), Body: github.String(body)})
	if err != nil {
		return fmt.Errorf("closing the pull request: %w", err)
	}
	sr.PR = prState(prFromPull(pr))
	if owned && st.head != "" {
		return r.deleteBranch(ctx, st)
	}
	return nil
}

func (r *repoExec) deleteBranch(ctx context.Context, st *svcState) error {
	if !r.writing() || st.head == "" {
		return nil
	}
	if ours, err := r.stillOurs(ctx, st); err != nil {
		return err
	} else if !ours {
		st.report.Note = "the branch was kept: someone else pushed to it"
		return nil
	} else if st.head == "" {
		return nil
	}
	_, err := r.gh.Git.DeleteRef(ctx, r.owner, r.name, "heads/"+st.branch)
	if err != nil && !ghclient.Says(err, "Reference does not exist") {
		return fmt.Errorf("deleting the branch: %w", err)
	}
	st.head = ""
	return nil
}

// handsOff says once, in the pull request, that the bot stops touching a
// branch someone else pushed to (the marker records it).
func (r *repoExec) handsOff(ctx context.Context, st *svcState) error {
	// Once: a person who pushes again is not told again.
	if st.pr == nil || st.pr.marker.HandsOff != "" || !r.writing() {
		return nil
	}
	msg := fmt.Sprintf("Someone else pushed to `%s` (head %s): xylint will not rebuild or close this pull request any more. Merge or close it as you see fit; closing it and deleting the branch lets the next run start afresh.", st.branch, st.head[:min(12, len(st.head))])
	if err := r.comment(ctx, st.pr.number, "hands-off-"+st.head, msg); err != nil {
		return fmt.Errorf("commenting: %w", err)
	}
	m := st.pr.marker
	m.HandsOff = st.head
	if _, _, err := r.gh.PullRequests.Edit(ctx, r.owner, r.name, st.pr.number, &github.PullRequest{Body: github.String(withMarker(st.pr.body, prMarkerTag, m))}); err != nil {
		return fmt.Errorf("editing the pull request: %w", err)
	}
	return nil
}

// checks sums up a commit's commit statuses and check runs (GitHub Actions
// reports through the Checks API, other CI through statuses) as the pull
// request page does: "failure" when one failed, else "pending" while one
// runs, else "success"; "none" when there is neither, "" when they could
// not be read.
func (r *repoExec) checks(ctx context.Context, sha string) string {
	var states []string
	st, _, err := r.gh.Repositories.GetCombinedStatus(ctx, r.owner, r.name, sha, &github.ListOptions{PerPage: 100})
	if err != nil {
		return ""
	}
	for _, s := range st.Statuses {
		switch s.GetState() {
		case "failure", "error":
			states = append(states, "failure")
		case "pending":
			states = append(states, "pending")
		default:
			states = append(states, "success")
		}
	}
	runs, _, err := r.gh.Checks.ListCheckRunsForRef(ctx, r.owner, r.name, sha, &github.ListCheckRunsOptions{ListOptions: github.ListOptions{PerPage: 100}})
	if err != nil {
		return ""
	}
	for _, c := range runs.CheckRuns {
		switch {
		case c.GetStatus() != "completed":
			states = append(states, "pending")
		case slices.Contains([]string{"failure", "timed_out", "cancelled", "action_required", "startup_failure", "stale"}, c.GetConclusion()):
			states = append(states, "failure")
		default: // success, neutral, skipped
			states = append(states, "success")
		}
	}
	switch {
	case len(states) == 0:
		return "none"
	case slices.Contains(states, "failure"):
		return "failure"
	case slices.Contains(states, "pending"):
		return "pending"
	}
	return "success"
}

// statusDetails reads the checks and reviews of the open pull requests, in
// parallel (reads only).
func (r *repoExec) statusDetails(ctx context.Context) {
	p := pool.New().WithMaxGoroutines(4)
	for _, sr := range r.rep.Services {
		if sr.PR == nil || (sr.PR.State != "open" && sr.PR.State != "draft") {
			continue
		}
		p.Go(func() {
			pr, _, err := r.gh.PullRequests.Get(ctx, r.owner, r.name, sr.PR.Number)
			if err != nil {
				sr.Error = r.redact(err)
				return
			}
			sr.PR.Checks = r.checks(ctx, pr.GetHead().GetSHA())
			if rvs, _, err := r.gh.PullRequests.ListReviews(ctx, r.owner, r.name, sr.PR.Number, &github.ListOptions{PerPage: 100}); err == nil {
				latest := map[string]string{}
				for _, rv := range rvs {
					if s := rv.GetState(); s == "APPROVED" || s == "CHANGES_REQUESTED" {
						latest[rv.GetUser().GetLogin()] = s
					}
				}
				sr.PR.Review = "none"
				for _, s := range latest {
					if s == "CHANGES_REQUESTED" {
						sr.PR.Review = "changes requested"
						break
					}
					sr.PR.Review = "approved"
				}
			}
		})
	}
	p.Wait()
}
