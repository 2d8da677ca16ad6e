package migrate

import (
	"strings"
	"testing"
)

// status reads commit statuses and check runs (GitHub Actions reports
// through the Checks API only) and shows draft pull requests as drafts, in
// its report and on the dashboard.
func TestStatusChecksAndDrafts(t *testing.T) {
	w := newWorld(t, false, func(c *Campaign) { c.Draft = true })
	w.exec(Run, nil)
	heads := map[string]string{}
	for _, p := range w.fake.PRs("xynergy", "platform") {
		if !p.Draft {
			t.Fatalf("PR %d is not a draft", p.Number)
		}
		heads[strings.TrimPrefix(p.Head, "xylint/clients/")] = p.HeadSHA
	}
	const (
		me, ed, sg, ch = "marketing-engine", "executive-dashboard", "security-governance", "analytics-data-layer"
	)
	for _, s := range []string{me, ed, sg, ch} {
		if heads[s] == "" {
			t.Fatalf("no PR for %s (%v)", s, heads)
		}
	}
	// marketing-engine: Actions failed (check run), the old CI passed
	// (status); executive-dashboard: a check run still running;
	// security-governance: both passed; analytics-data-layer: nothing reported.
	w.fake.SetCheckRun("xynergy", "platform", heads[me], "test", "completed", "failure")
	w.fake.SetStatus("xynergy", "platform", heads[me], "ci/legacy", "success")
	w.fake.SetCheckRun("xynergy", "platform", heads[ed], "test", "in_progress", "")
	w.fake.SetStatus("xynergy", "platform", heads[ed], "ci/legacy", "success")
	w.fake.SetCheckRun("xynergy", "platform", heads[sg], "test", "completed", "success")
	w.fake.SetStatus("xynergy", "platform", heads[sg], "ci/legacy", "success")
	// A person marks analytics-data-layer ready for review.
	for _, p := range w.fake.PRs("xynergy", "platform") {
		if p.Head == "xylint/clients/"+ch {
			w.fake.SetDraft("xynergy", "platform", p.Number, false)
		}
	}
	w.fake.ResetLog()
	rep := w.exec(Status, nil)
	if _, writes := w.fake.Counts(); writes != 1 {
		t.Fatalf("status --dashboard made %d writes, want 1 (the dashboard)", writes)
	}
	for svc, want := range map[string]string{me: "draft failure", ed: "draft pending", sg: "draft success", ch: "open none"} {
		s := serviceReport(rep, svc)
		if s == nil || s.PR == nil || s.PR.State+" "+s.PR.Checks != want {
			t.Errorf("%s: %+v, want %q", svc, s.PR, want)
		}
	}
	// Findings left, by rule and kind.
	if s := serviceReport(rep, "ai-workflow-engine"); s == nil || s.LeftByKind["XY003 module-level"] != 1 || s.LeftByKind["XY003 per-request"] != 1 {
		t.Errorf("ai-workflow-engine: left by kind %v", s.LeftByKind)
	}
	var out strings.Builder
	Write(&out, rep, "text")
	if !strings.Contains(out.String(), "XY003 [direct-client] per-request: direct `pubsub_v1.PublisherClient()`") {
		t.Errorf("text report does not say the kind:\n%s", out.String())
	}
	if !strings.Contains(out.String(), "draft checks:failure") {
		t.Errorf("text report:\n%s", out.String())
	}
	dash := w.fake.Issues("xynergy", "platform")
	if len(dash) != 1 || !strings.Contains(dash[0].Body, ") draft, checks failure") || !strings.Contains(dash[0].Body, ") open, checks none") {
		t.Fatalf("dashboard %+v", dash)
	}
}
