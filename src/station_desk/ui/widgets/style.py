"""The look: large, plain, high-contrast; clerks are not power users."""

STYLE = """
QWidget { font-size: 14px; }
#header { background: #1f4e79; }
#header QLabel { color: white; }
#stationName { font-size: 18px; font-weight: bold; }
#nav { font-size: 16px; background: #f3f5f8; border: none; }
#nav::item { padding: 10px 14px; }
#nav::item:selected { background: #1f4e79; color: white; }
#pageTitle { font-size: 20px; font-weight: bold; margin: 4px 0 8px 0; }
#card { background: white; border: 1px solid #d0d7e1; border-radius: 6px; }
#cardTitle { color: #4b5563; }
#cardValue { font-size: 28px; font-weight: bold; color: #1f4e79; }
#cardValue[warn="true"] { color: #b45309; }
#alerts { color: #b45309; font-weight: bold; }
#muted { color: #6b7280; }
"""
