"""The data pipeline: data/*.yml -> validated records -> generated pages and exports."""
