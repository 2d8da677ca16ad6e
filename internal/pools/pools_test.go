package pools

import "testing"

func TestTable(t *testing.T) {
	tab := NewTable([]Client{
		{Constructor: "google.cloud.bigquery.Client", Getter: "get_bigquery_client", Module: "shared.gcp_clients"},
		{Constructor: "google.cloud.*.*ServiceClient"},
	})
	if c := tab.Lookup("google.cloud.bigquery.Client"); c == nil || c.Getter != "get_bigquery_client" {
		t.Errorf("exact: %+v", c)
	}
	if tab.Lookup("google.cloud.tasks.CloudTasksServiceClient") == nil || tab.Lookup("google.cloud.x.y.CloudServiceClient") != nil {
		t.Error("a glob matches one dotted part per *")
	}
	if !tab.MayEndWith("anything") {
		t.Error("a table with globs may end with any name")
	}
	exact := NewTable(DefaultClients)
	if !exact.MayEndWith("Client") || exact.MayEndWith("QueryJobConfig") || exact.Lookup("google.cloud.bigquery.QueryJobConfig") != nil {
		t.Error("the default table names clients only")
	}
	if n := len(exact.Clients()); n != len(DefaultClients) {
		t.Errorf("%d entries, want %d", n, len(DefaultClients))
	}
}
