.class public Lorg/apkaudit/sample/patterns/PatternsApp;
.super Landroid/app/Application;
.source "PatternsApp.java"

# Custom Application (android:name=".PatternsApp"). Its onCreate() runs before
# any component and initialises the (stand-in) Tongdun risk-control SDK, which
# reads the address book.


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Landroid/app/Application;-><init>()V

    return-void
.end method


# virtual methods
.method public onCreate()V
    .registers 1

    invoke-super {p0}, Landroid/app/Application;->onCreate()V

    invoke-static {p0}, Lcn/tongdun/android/shell/FMAgent;->init(Landroid/content/Context;)V

    return-void
.end method
