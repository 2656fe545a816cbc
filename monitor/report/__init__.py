"""Reports rendered without a display: PNG and PDF of the dashboard."""
