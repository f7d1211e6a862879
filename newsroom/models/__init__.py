from .pages import ArticleAuthor, ArticleCorrection, ArticlePage, ArticleTopic, NewsIndexPage
from .settings import NewsroomSettings
from .snippets import Author, Disclaimer

__all__ = [
    "ArticleAuthor",
    "ArticleCorrection",
    "ArticlePage",
    "ArticleTopic",
    "Author",
    "Disclaimer",
    "NewsIndexPage",
    "NewsroomSettings",
]
