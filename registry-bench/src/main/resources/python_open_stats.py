"""The Python registry's cold read, replayed for the benchmark: what
``ModelRegistrySQLite(path).get_registry_stats()`` does, from process start to exit.

It imports what the Python registry module imports, then opens the registry as its constructor
does (creates the folder, one connection with ``timeout=30.0`` and ``sqlite3.Row`` rows, the
``CREATE TABLE/INDEX IF NOT EXISTS`` statements of its schema, commit, close) and computes the
statistics as ``get_registry_stats`` does (a new connection, four queries, close). Run it on a
registry in the Python layout (the statements create nothing there):

    python3 python_open_stats.py DIR      # DIR holds model_registry.db
"""
import sqlite3
import json  # noqa: F401 (imported by the Python registry module)
import shutil  # noqa: F401
import logging
import hashlib  # noqa: F401
import sys
from typing import Dict, List, Any, Optional, Tuple  # noqa: F401
from datetime import datetime  # noqa: F401
from pathlib import Path
from dataclasses import dataclass, asdict  # noqa: F401
from contextlib import contextmanager
from threading import Lock

logger = logging.getLogger(__name__)

SCHEMA = [
    """CREATE TABLE IF NOT EXISTS models (
        model_id TEXT PRIMARY KEY, sensor_id TEXT NOT NULL, model_type TEXT NOT NULL,
        active_version TEXT, created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
        updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP, UNIQUE(sensor_id, model_type))""",
    """CREATE TABLE IF NOT EXISTS versions (
        version_id TEXT PRIMARY KEY, model_id TEXT NOT NULL, sensor_id TEXT NOT NULL,
        model_type TEXT NOT NULL, created_at TEXT NOT NULL, training_config TEXT NOT NULL,
        training_metrics TEXT NOT NULL, validation_metrics TEXT NOT NULL,
        model_size_bytes INTEGER NOT NULL, training_time_seconds REAL NOT NULL,
        data_hash TEXT NOT NULL, model_hash TEXT NOT NULL, model_path TEXT NOT NULL,
        description TEXT DEFAULT '', tags TEXT DEFAULT '', is_active INTEGER DEFAULT 1,
        performance_score REAL DEFAULT 0.0,
        FOREIGN KEY (model_id) REFERENCES models(model_id) ON DELETE CASCADE)""",
    "CREATE INDEX IF NOT EXISTS idx_versions_model_id ON versions(model_id)",
    "CREATE INDEX IF NOT EXISTS idx_versions_sensor_id ON versions(sensor_id)",
    "CREATE INDEX IF NOT EXISTS idx_versions_is_active ON versions(is_active)",
    "CREATE INDEX IF NOT EXISTS idx_versions_performance ON versions(performance_score)",
    """CREATE TABLE IF NOT EXISTS data_lineage (
        id INTEGER PRIMARY KEY AUTOINCREMENT, version_id TEXT NOT NULL, data_hash TEXT NOT NULL,
        data_source TEXT, data_start_date TEXT, data_end_date TEXT, num_samples INTEGER,
        created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
        FOREIGN KEY (version_id) REFERENCES versions(version_id) ON DELETE CASCADE)""",
]


class Registry:
    def __init__(self, registry_path):
        self.registry_path = Path(registry_path)
        self.registry_path.mkdir(parents=True, exist_ok=True)
        self.db_path = self.registry_path / "model_registry.db"
        self._lock = Lock()
        with self._get_connection() as conn:
            cursor = conn.cursor()
            for statement in SCHEMA:
                cursor.execute(statement)
            conn.commit()

    @contextmanager
    def _get_connection(self):
        with self._lock:
            conn = sqlite3.connect(self.db_path, timeout=30.0)
            conn.row_factory = sqlite3.Row
            try:
                yield conn
            finally:
                conn.close()

    def get_registry_stats(self):
        with self._get_connection() as conn:
            cursor = conn.cursor()
            cursor.execute("SELECT COUNT(*) as count FROM models")
            total_models = cursor.fetchone()['count']
            cursor.execute("SELECT COUNT(*) as count FROM versions")
            total_versions = cursor.fetchone()['count']
            cursor.execute("SELECT model_type, COUNT(*) as count FROM models GROUP BY model_type")
            model_types = {row['model_type']: row['count'] for row in cursor.fetchall()}
            cursor.execute("SELECT SUM(model_size_bytes) as total FROM versions")
            total_size = cursor.fetchone()['total'] or 0
            return {
                'total_models': total_models,
                'total_versions': total_versions,
                'model_types': model_types,
                'total_size_mb': total_size / (1024 * 1024),
                'registry_path': str(self.registry_path),
                'database_path': str(self.db_path),
            }


if __name__ == "__main__":
    stats = Registry(sys.argv[1]).get_registry_stats()
    print(f"models {stats['total_models']} versions {stats['total_versions']} types {stats['model_types']}")
