"""targets/python"""
