"""Documents about a whole year: statistics with suppression, the newsletter article, the monitoring report and its charts."""
