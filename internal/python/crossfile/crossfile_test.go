package crossfile

import "testing"

func TestLookup(t *testing.T) {
	var x Index[string]
	x.Add("platform/shared/config.py", "shared.config", "ORIGINS", "shared")
	x.Add("platform/content-hub/admin.py", "", "admin_app", "content-hub admin")
	x.Add("platform/other/admin.py", "", "admin_app", "other admin")
	x.Add("svc/app/core/config.py", "", "ORIGINS", "svc core")
	x.Add("svc/app/__init__.py", "", "ORIGINS", "svc init")
	for _, c := range []struct {
		from, q, want string
	}{
		{"platform/marketing/main.py", "shared.config.ORIGINS", "shared"},
		{"platform/content-hub/main.py", "admin.admin_app", "content-hub admin"},
		{"platform/other/main.py", "admin.admin_app", "other admin"},
		{"svc/app/main.py", "app.core.config.ORIGINS", "svc core"},
		{"svc/app/main.py", ".core.config.ORIGINS", "svc core"},
		{"svc/app/api/routes.py", "..core.config.ORIGINS", "svc core"},
		{"svc/app/main.py", "app.ORIGINS", "svc init"},
		{"svc/app/main.py", "config.ORIGINS", "svc core"},
		{"svc/app/main.py", "nothing.ORIGINS", ""},
		{"svc/app/main.py", "ORIGINS", ""},
		{"svc/app/main.py", "fig.ORIGINS", ""}, // a suffix of a name is no match
	} {
		got, _, _ := x.Lookup(c.from, c.q)
		if got != c.want {
			t.Errorf("Lookup(%s, %s) = %q, want %q", c.from, c.q, got, c.want)
		}
	}
}
