package com.example;

public final class Plain {}
