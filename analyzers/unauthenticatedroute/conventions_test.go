package unauthenticatedroute

import (
	"strings"
	"testing"

	"github.com/xynergy/xylint/internal/lint"
)

func TestPathConvention(t *testing.T) {
	for _, c := range []struct {
		route, want string
	}{
		// Sign-in, sign-up, recovery and sign-out, whatever the method and
		// under the usual prefixes.
		{"POST /login", SignIn},
		{"POST /api/v1/login/access-token", SignIn},
		{"POST /api/v1/{organization}/auth/login", SignIn},
		{"POST /token", SignIn},
		{"POST /api/auth/refresh", SignIn},
		{"POST /users/signup", SignUp},
		{"POST /api/auth/register", SignUp},
		{"GET,POST /forgot", Recovery},
		{"GET,POST /<org_slug>/reset/<token>", Recovery},
		{`GET,POST {org_scoped_rule("/reset/<token>")}`, Recovery},
		{"GET /verify/{token}", Recovery},
		{"POST /api/v1/password-recovery/{email}", Recovery},
		{"POST /users/password/reset", Recovery},
		{"GET /logout", SignOut},
		{"GET /auth/google/callback", Callback},
		{"GET /oauth2/{provider}/callback", Callback},
		// The start of an OAuth sign-in: a provider under an auth home.
		{"GET /oauth/google", OAuthStart},
		{"GET /api/auth/{provider}", OAuthStart},
		{"GET /sso/<idp_name>", OAuthStart},
		{"GET /login/oauth", SignIn},
		// Probes, static files, docs and well-known files: read-only.
		{"GET /api/health", Probe},
		{"GET /healthz/ready", Probe},
		{"GET /api/version", Probe},
		{"ANY /{baseUrl}/_healthz", Probe},
		{"GET /api/v1/utils/health-check/", Probe},
		{"GET /internal/tools/healthz", Probe},
		// App Engine calls /_ah/ itself, with any method.
		{"GET /_ah/health", Platform},
		{"POST /_ah/bounce", Platform},
		{"POST /_ah/mail/{address}", Platform},
		{"GET /_ah/warmup", Platform},
		// About pages (/api/app/about: "app" is a lead segment).
		{"GET /about", AboutPage},
		{"GET /api/app/about/startup-info", AboutPage},
		{"ANY /metrics", Probe},
		{"GET /static/{path}", Static},
		{"GET /api/media/recipes/{id}/assets/{file}", Static},
		{"GET /docs/oauth2-redirect", APIDocs},
		{"GET /robots.txt", WellKnown},
		{"GET /themes/<theme>/static/<path:path>", Static},
		{"GET /tos", LegalPage},
		{"GET /jwks/{realm_id:[0-9]+}", WellKnown},
		{"GET /favicon.ico", Static},
		{"POST /v1/customer-portal/customer-session/authenticate", SignIn},
		{"GET /api/auth/oauth", SignIn},
		// Passwordless sign-in: asking for a code or a link by email.
		{"POST /v1/customer-portal/customer-session/request", SignIn},
		{"POST /api/member-session/code", SignIn},
		{"POST /login/request-code", SignIn},
		{"POST /magic-link/request", SignIn},
		{"POST /api/v1/passwordless/start", SignIn},
		{"POST /v1/oauth2/revoke", SignIn},
		{"GET /v1/checkouts/custom/client/{client_secret}", Capability},
		{"POST /claim/<invitation_token>", Capability},
		{"GET /downloadables/{token}", Capability},
		{"GET /{client_secret}", Capability},
		// Not conventions.
		{"GET /items/{item_id}", ""},
		{"POST /api/v1/keys/{id}/revoke", ""},
		{"POST /api/health", ""},
		{"POST /static/upload", ""},
		{"GET /status/{job_id}", ""},
		{"GET /projects/{id}/health", ""},
		{"POST /api/v1/utils/health-check/", ""},
		{"POST /about", ""},
		{"GET /api/app/settings", ""},
		{"GET /jobs/status", ""},
		{"POST /api/reset", ""},
		{"GET /auth/me", ""},
		{"POST /oauth/google", ""},
		{"GET /oauth/clients", ""},
		{"GET /auth/{user_id}", ""},
		{"POST /orders/{id}/confirm", ""},
		{"GET /users/me/token", ""},
		{"GET /api/tokens", ""},
		{"POST /webhooks/stripe/callback", ""},
		{"POST /", ""},
		{"GET /password", ""},
		{"DELETE /login/sessions/{id}", SignIn},
		{"POST /session", SignIn},
		{"GET /session", ""},
		{"GET /api/sessions", ""},
		{"POST /v1/email-update/request", ""},
		{"GET /customer-session/request", ""},
		{"POST /api/session-notes/request", ""},
		{"POST /api/exports/request", ""},
		{"POST /support/request", ""},
	} {
		m, p, _ := strings.Cut(c.route, " ")
		if got := PathConvention(strings.Split(m, ","), p); got != c.want {
			t.Errorf("PathConvention(%q) = %q, want %q", c.route, got, c.want)
		}
	}
}

func TestJudge(t *testing.T) {
	c := &Config{}
	for _, x := range []struct {
		methods []string
		path    string
		conv    string
		level   lint.Severity
		why     string
	}{
		{[]string{"POST"}, "/campaigns", "", lint.Error, "an error because POST changes state"},
		{[]string{"GET", "DELETE"}, "/campaigns", "", lint.Error, "DELETE changes state"},
		{[]string{"WEBSOCKET"}, "/feed", "", lint.Error, "WebSocket takes input"},
		{[]string{"GET"}, "/campaigns", "", lint.Warning, "read-only route can still leak data"},
		{[]string{"ANY"}, "/campaigns", "", lint.Warning, "no method is named"},
		{[]string{"POST"}, "/login", "", lint.Note, "public by convention (sign-in); confirm it with `public-paths`"},
		{[]string{"POST"}, "/auth/session", SignIn, lint.Note, "public by convention (sign-in)"},
	} {
		v := c.Judge(x.methods, x.path, x.conv)
		if v.Level != x.level || !strings.Contains(v.Why, x.why) || v.Note != (x.level == lint.Note) {
			t.Errorf("Judge(%v, %q, %q) = %+v, want %v %q", x.methods, x.path, x.conv, v, x.level, x.why)
		}
	}
	c.PlatformAuth = "Cloud Run IAM"
	if v := c.Judge([]string{"POST"}, "/campaigns", ""); v.Level != lint.Note || !strings.Contains(v.Why, `platform (platform-auth: "Cloud Run IAM")`) {
		t.Errorf("with platform-auth: %+v", v)
	}
}
