package roles

import "testing"

// Each kind of one-off script scriptContent knows, and near misses; a
// string its first search lacks would lose a kind.
func TestScriptContent(t *testing.T) {
	for src, want := range map[string]string{
		"# In[1]:\nx = 1\n":                           "a notebook exported to .py",
		"import os\n# In[2]:\nx\n":                    "a notebook exported to .py",
		"# %%\nx = 1\n":                               "a notebook exported to .py",
		"x = 1\n# %% [markdown]\n":                    "a notebook exported to .py",
		"x = 1  # In[1]\n":                            "",
		"from locust import task\n":                   "a locust load test",
		"import locust\n":                             "a locust load test",
		"locust = 1\n":                                "",
		"revision = \"ab12\"\ndown_revision = None\n": alembicMigration,
		"revision: str = 'ab12'\ndown_revision: str | None = 'x'\n":            alembicMigration,
		"down_revision = None\n":                                               "",
		"class Migration(migrations.Migration):\n    pass\n":                   djangoMigrationS,
		"class MigrationHelper:\n    pass\n":                                   "",
		"from alembic import context\ncontext.configure(url='x')\n":            alembicEnvS,
		"from alembic import op, context\n\ncontext.configure(connection=c)\n": alembicEnvS,
		"import alembic\n":         "",
		"def f():\n    return 1\n": "",
		"":                         "",
	} {
		if got := scriptContent([]byte(src)); got != want {
			t.Errorf("scriptContent(%q) = %q, want %q", src, got, want)
		}
	}
}
