module example.com/platform/trend-collector

go 1.24
