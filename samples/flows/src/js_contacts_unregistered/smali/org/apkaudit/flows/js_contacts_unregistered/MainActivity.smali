.class public Lorg/apkaudit/flows/js_contacts_unregistered/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"

# Flow case "js_contacts_unregistered" (no leak).
#
#   onCreate:
#     WebView web = new WebView(this);
#     web.getSettings().setJavaScriptEnabled(true);
#     web.loadUrl("https://api.flows.example/v1/js_contacts_unregistered/page.html");
#     setTitle(new ContactsBridge(this).getContacts());   // the bridge is never added to the WebView:
#   ContactsBridge.getContacts() (@JavascriptInterface)    // the page cannot call it; the list stays local
#     ... the same contact query and loop ...


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Landroid/app/Activity;-><init>()V

    return-void
.end method


# virtual methods
.method protected onCreate(Landroid/os/Bundle;)V
    .registers 5

    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V

    new-instance v0, Landroid/webkit/WebView;

    invoke-direct {v0, p0}, Landroid/webkit/WebView;-><init>(Landroid/content/Context;)V

    invoke-virtual {v0}, Landroid/webkit/WebView;->getSettings()Landroid/webkit/WebSettings;

    move-result-object v1

    const/4 v2, 0x1

    invoke-virtual {v1, v2}, Landroid/webkit/WebSettings;->setJavaScriptEnabled(Z)V

    const-string v1, "https://api.flows.example/v1/js_contacts_unregistered/page.html"

    invoke-virtual {v0, v1}, Landroid/webkit/WebView;->loadUrl(Ljava/lang/String;)V

    new-instance v1, Lorg/apkaudit/flows/js_contacts_unregistered/ContactsBridge;

    invoke-direct {v1, p0}, Lorg/apkaudit/flows/js_contacts_unregistered/ContactsBridge;-><init>(Landroid/content/Context;)V

    invoke-virtual {v1}, Lorg/apkaudit/flows/js_contacts_unregistered/ContactsBridge;->getContacts()Ljava/lang/String;

    move-result-object v1

    invoke-virtual {p0, v1}, Lorg/apkaudit/flows/js_contacts_unregistered/MainActivity;->setTitle(Ljava/lang/CharSequence;)V

    invoke-virtual {p0, v0}, Lorg/apkaudit/flows/js_contacts_unregistered/MainActivity;->setContentView(Landroid/view/View;)V

    return-void
.end method
