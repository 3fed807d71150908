print("cadredesk")
