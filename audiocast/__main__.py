from audiocast.cli import run

run()
